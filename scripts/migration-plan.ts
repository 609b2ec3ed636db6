import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { MIGRATIONS_DIR } from '../lib/database-url.ts';
import { applyMigrations } from '../lib/migrate.ts';
import { buildPostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from './postgres-schema.ts';
import { datamodel, diffToSql, introspectSchema, liveDatabase, withSchemaEngine } from './schema-engine.ts';

export type MigrationPlan = { sqlite: string; postgresql: string };

// What the next migration must do on each database to bring the existing migrations up to
// prisma/schema.prisma. SQLite: the migrations are applied to a scratch file and diffed against
// the schema. PostgreSQL: the engine cannot introspect PostgreSQL through the pg adapter yet
// ("Column type 'char' could not be deserialized"), so the state the migrations reach is read
// from that same scratch SQLite database, carried over to PostgreSQL as the schema is, and diffed
// against the PostgreSQL schema as datamodels, on a PostgreSQL server the engine needs to run.
export async function planMigration(postgresUrl: string, sqliteSchemaText = readFileSync(SQLITE_SCHEMA, 'utf8')): Promise<MigrationPlan> {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-diff-'));
  try {
    const file = join(dir, 'scratch.db');
    applyMigrations(file, MIGRATIONS_DIR.sqlite);
    const sqliteSchema = { path: SQLITE_SCHEMA, content: sqliteSchemaText };
    const { sqlite, migrated } = await withSchemaEngine(new PrismaBetterSqlite3({ url: `file:${file}` }), sqliteSchema, async (engine) => ({
      sqlite: await diffToSql(engine, liveDatabase(sqliteSchema), datamodel(sqliteSchema)),
      migrated: await introspectSchema(engine, sqliteSchema),
    }));
    const target = { path: POSTGRES_SCHEMA, content: buildPostgresSchema(sqliteSchemaText) };
    const current = { path: POSTGRES_SCHEMA, content: buildPostgresSchema(migrated) };
    const postgresql = await withSchemaEngine(new PrismaPg({ connectionString: postgresUrl }), target, (engine) => diffToSql(engine, datamodel(current), datamodel(target)));
    return { sqlite, postgresql: withoutCreateSchema(postgresql) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// The engine starts a PostgreSQL diff from nothing with CREATE SCHEMA "public", which needs the
// CREATE privilege on the database even when the schema exists. Every database has it.
function withoutCreateSchema(sql: string): string {
  return sql.replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/, '');
}
