import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '../../generated/prisma/client.ts';
import { applyMigrations } from '../../migrate.ts';

// Query tests run inside describeEachDatabase: each block gets a fresh, migrated database that
// getDb() then returns, on every database provider the test run has.
const globalForPrisma = globalThis as unknown as { lookoutPrisma?: PrismaClient };

export function describeEachDatabase(name: string, body: () => void): void {
  describe(`${name} [sqlite]`, () => {
    beforeAll(() => {
      const file = join(mkdtempSync(join(tmpdir(), 'lookout-q-')), 'lookout.db');
      applyMigrations(file, 'prisma/migrations');
      globalForPrisma.lookoutPrisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
    });
    afterAll(async () => {
      await globalForPrisma.lookoutPrisma?.$disconnect();
      globalForPrisma.lookoutPrisma = undefined;
    });
    body();
  });
}
