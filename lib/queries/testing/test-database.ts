import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { MIGRATIONS_DIR, type DatabaseProvider } from '../../db/database-url.ts';
import { createDbClient, type PrismaClient } from '../../db.ts';
import { applyMigrations } from '../../db/migrate.ts';
import { TEMPLATE_DATABASE } from '../../testing/postgres-global-setup.ts';

// Query tests run inside describeEachDatabase: each block gets a fresh, migrated database that
// getDb() then returns, once on SQLite and once on PostgreSQL (the `database` vitest project
// starts the PostgreSQL server).
const globalForPrisma = globalThis as unknown as { lookoutPrisma?: PrismaClient };

export const DATABASE_PROVIDERS: DatabaseProvider[] = ['sqlite', 'postgresql'];

function postgresAdminUrl(): string {
  const url = inject('postgresAdminUrl');
  if (!url) throw new Error('no PostgreSQL for this test: run it in the vitest project "database" (npx vitest run --project database <file>)');
  return url;
}

async function withAdmin<T>(use: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: postgresAdminUrl() });
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.end();
  }
}

// A fresh database with every migration applied; `drop` removes it (PostgreSQL) when done.
export async function createTestDatabase(provider: DatabaseProvider): Promise<{ url: string; drop: () => Promise<void> }> {
  if (provider === 'sqlite') {
    const file = join(mkdtempSync(join(tmpdir(), 'lookout-q-')), 'lookout.db');
    applyMigrations(file, MIGRATIONS_DIR.sqlite);
    return { url: `file:${file}`, drop: async () => {} };
  }
  const name = `lookout_${randomUUID().replaceAll('-', '')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  const url = new URL(postgresAdminUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}) };
}

export function describeEachDatabase(name: string, body: () => void): void {
  for (const provider of DATABASE_PROVIDERS) {
    describe(`${name} [${provider}]`, () => {
      let drop = async () => {};
      beforeAll(async () => {
        const database = await createTestDatabase(provider);
        drop = database.drop;
        globalForPrisma.lookoutPrisma = createDbClient(database.url);
      });
      afterAll(async () => {
        await globalForPrisma.lookoutPrisma?.$disconnect();
        globalForPrisma.lookoutPrisma = undefined;
        await drop();
      });
      body();
    });
  }
}

// Runs `use` with getDb() answering from a database that cannot be opened, then puts the test's
// database back: for what callers do while the database is away.
export async function withDatabaseAway(use: () => Promise<void>): Promise<void> {
  const reachable = globalForPrisma.lookoutPrisma;
  const dir = mkdtempSync(join(tmpdir(), 'lookout-away-'));
  const away = createDbClient(`file:${join(dir, 'missing', 'lookout.db')}`);
  globalForPrisma.lookoutPrisma = away;
  try {
    await use();
  } finally {
    globalForPrisma.lookoutPrisma = reachable;
    await away.$disconnect().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
