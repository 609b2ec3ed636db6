import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS_DIR } from '../db/database-url.ts';
import { applyPostgresMigrations } from '../db/migrate-postgres.ts';
import { startPostgresCluster } from './postgres-cluster.ts';

// Vitest globalSetup of the `database` project: one throwaway PostgreSQL cluster for the whole
// run, with a migrated template database that each test block copies (CREATE DATABASE …
// TEMPLATE, a file copy: much faster than migrating again). No PostgreSQL means the run fails:
// the query suite must pass on both databases, never quietly on one.
export const TEMPLATE_DATABASE = 'lookout_template';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster();
  try {
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    await applyPostgresMigrations(cluster.url(TEMPLATE_DATABASE), MIGRATIONS_DIR.postgresql);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  project.provide('postgresAdminUrl', cluster.url());
  return () => cluster.stop();
}
