import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../lib/db/database-url.ts';
import { applyMigrations } from '../lib/db/migrate.ts';
import { applyPostgresMigrations } from '../lib/db/migrate-postgres.ts';
import { buildPostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from './postgres-schema.ts';
import { datamodel, diffToSql, liveDatabase, withSchemaEngine } from './schema-engine.ts';

export type MigrationPlan = { sqlite: string; postgresql: string };

// What the next migration must do on each database: each provider's migrations are applied to a
// scratch database (a temp SQLite file; a temp database on the PostgreSQL server at adminUrl),
// which the schema engine then compares with the schema. Empty strings: nothing to do.
export async function planMigration(adminUrl: string, sqliteSchemaText = readFileSync(SQLITE_SCHEMA, 'utf8'), dirs = MIGRATIONS_DIR): Promise<MigrationPlan> {
  return { sqlite: await planSqlite(sqliteSchemaText, dirs.sqlite), postgresql: await planPostgres(adminUrl, buildPostgresSchema(sqliteSchemaText), dirs.postgresql) };
}

async function planSqlite(content: string, migrations: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-diff-'));
  try {
    const file = join(dir, 'scratch.db');
    applyMigrations(file, migrations);
    const schema = { path: SQLITE_SCHEMA, content };
    return await withSchemaEngine(new PrismaBetterSqlite3({ url: `file:${file}` }), schema, (engine) => diffToSql(engine, liveDatabase(schema), datamodel(schema)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function planPostgres(adminUrl: string, content: string, migrations: string): Promise<string> {
  const name = `lookout_diff_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await applyPostgresMigrations(url.toString(), migrations);
    const pool = readCharAsText(new pg.Pool({ connectionString: url.toString() }));
    const schema = { path: POSTGRES_SCHEMA, content };
    try {
      return await withSchemaEngine(new PrismaPg(pool), schema, (engine) => diffToSql(engine, liveDatabase(schema), datamodel(schema)));
    } finally {
      await pool.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

// The schema engine reads pg_catalog columns of PostgreSQL's one-byte "char" type (oid 18),
// which @prisma/adapter-pg 7.10 cannot map ("Column type 'char' could not be deserialized").
// Their values arrive as text anyway, so the pool tells the adapter they are text (oid 25).
function readCharAsText(pool: pg.Pool): pg.Pool {
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<pg.QueryResult>;
  const patched = async (...args: unknown[]) => {
    const result = await query(...args);
    for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return result;
  };
  return Object.assign(pool, { query: patched as unknown as pg.Pool['query'] });
}
