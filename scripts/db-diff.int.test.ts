import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { MIGRATIONS_DIR } from '../lib/db/database-url.ts';
import { planMigration } from './migration-plan.ts';
import { SQLITE_SCHEMA } from './postgres-schema.ts';

// The schema engine (WebAssembly) against each provider's migrations, applied to scratch databases.
describe('planMigration (npm run db:diff)', () => {
  const adminUrl = inject('postgresAdminUrl');
  const schema = readFileSync(SQLITE_SCHEMA, 'utf8');

  it('finds nothing to do: the migrations of both databases reach prisma/schema.prisma exactly', async () => {
    expect(await planMigration(adminUrl)).toEqual({ sqlite: '', postgresql: '' });
  });

  it('turns a schema change into one migration per database that brings each up to date', async () => {
    const changed = schema
      .replace('  detail   String   @default("")', '  detail   String   @default("")\n  note     String?')
      .concat('\nmodel CameraNote {\n  id   Int    @id @default(autoincrement())\n  text String\n  body Bytes\n}\n');
    const plan = await planMigration(adminUrl, changed);
    expect(plan.sqlite).toMatch(/ALTER TABLE "HealthEvent" ADD COLUMN "note" TEXT;/);
    expect(plan.sqlite).toMatch(/CREATE TABLE "CameraNote" \(\n\s+"id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,[^;]*"body" BLOB NOT NULL/);
    expect(plan.postgresql).toMatch(/ALTER TABLE "HealthEvent" ADD COLUMN\s+"note" TEXT;/);
    expect(plan.postgresql).toMatch(/CREATE TABLE "CameraNote" \(\n\s+"id" SERIAL NOT NULL,[^;]*"body" BYTEA NOT NULL/);

    const dir = mkdtempSync(join(tmpdir(), 'lookout-plan-'));
    const dirs = { sqlite: join(dir, 'sqlite'), postgresql: join(dir, 'postgresql') };
    for (const provider of ['sqlite', 'postgresql'] as const) {
      cpSync(MIGRATIONS_DIR[provider], dirs[provider], { recursive: true });
      mkdirSync(join(dirs[provider], '29990101000000_notes'));
      writeFileSync(join(dirs[provider], '29990101000000_notes', 'migration.sql'), plan[provider]);
    }
    expect(await planMigration(adminUrl, changed, dirs)).toEqual({ sqlite: '', postgresql: '' });
    // …and the original schema now lies behind those migrations: the engine says how to go back.
    const back = await planMigration(adminUrl, schema, dirs);
    expect(back.sqlite).toContain('DROP TABLE "CameraNote"');
    expect(back.postgresql).toContain('DROP TABLE "CameraNote"');
  });
});
