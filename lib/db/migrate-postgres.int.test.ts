import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS_DIR } from './database-url.ts';
import { listMigrations } from './migrate.ts';
import { migrateDatabase } from './migrate-database.ts';
import { applyPostgresMigrations } from './migrate-postgres.ts';

const MIGRATIONS = MIGRATIONS_DIR.postgresql;

describe('applyPostgresMigrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-pgm-'));
  const admin = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  const url = new URL(inject('postgresAdminUrl'));
  url.pathname = '/lookout_migrate_test';
  const db = new pg.Client({ connectionString: url.toString() });

  beforeAll(async () => {
    await admin.connect();
    await admin.query('CREATE DATABASE lookout_migrate_test');
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await admin.query('DROP DATABASE lookout_migrate_test WITH (FORCE)');
    await admin.end();
  });

  it('creates the schema on an empty database, recorded as Prisma does, through npm run db:migrate', async () => {
    const result = await migrateDatabase(url.toString());
    expect(result.applied).toEqual(listMigrations(MIGRATIONS).map((m) => m.name));
    const tables = (await db.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((r) => r.tablename);
    expect(tables).toEqual(expect.arrayContaining(['HealthEvent', 'ViewStat', 'VisitorSalt', 'Session', '_prisma_migrations']));
    const rows = (await db.query('SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name')).rows;
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(listMigrations(MIGRATIONS).map((m) => [m.name, m.checksum, 1]));
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);
  });

  it('is a no-op the second time, also when two run at once', async () => {
    const names = listMigrations(MIGRATIONS).map((m) => m.name);
    const both = await Promise.all([applyPostgresMigrations(url.toString(), MIGRATIONS), applyPostgresMigrations(url.toString(), MIGRATIONS)]);
    expect(both).toEqual([
      { applied: [], alreadyApplied: names },
      { applied: [], alreadyApplied: names },
    ]);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const edited = join(dir, 'edited');
    cpSync(MIGRATIONS, edited, { recursive: true });
    const first = listMigrations(edited)[0]!;
    writeFileSync(join(edited, first.name, 'migration.sql'), `${first.sql}\n-- edited\n`);
    await expect(applyPostgresMigrations(url.toString(), edited)).rejects.toThrow(/was edited after it was applied/);
  });

  it('rolls back a failing migration as a whole', async () => {
    const broken = join(dir, 'broken');
    cpSync(MIGRATIONS, broken, { recursive: true });
    const name = '29990101000000_broken';
    cpSync(join(MIGRATIONS, listMigrations(MIGRATIONS)[0]!.name), join(broken, name), { recursive: true });
    writeFileSync(join(broken, name, 'migration.sql'), 'CREATE TABLE "Half" ("id" INTEGER);\nTHIS IS NOT SQL;');
    await expect(applyPostgresMigrations(url.toString(), broken)).rejects.toThrow(/29990101000000_broken failed and was rolled back/);
    expect((await db.query("SELECT to_regclass('public.\"Half\"') AS t")).rows[0].t).toBeNull();
    expect((await db.query('SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = $1', [name])).rows[0].n).toBe(0);
  });
});
