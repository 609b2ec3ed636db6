import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations } from './migrate.ts';

const MIGRATIONS = 'prisma/migrations';

describe('applyMigrations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-db-'));
  const file = join(dir, 'nested', 'lookout.db');

  it('creates the schema on an empty database, in WAL mode, recorded as Prisma does', () => {
    const result = applyMigrations(file, MIGRATIONS);
    expect(result.applied).toEqual(listMigrations(MIGRATIONS).map((m) => m.name));
    const db = new Database(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all().map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['HealthEvent', '_prisma_migrations']));
    const rows = db.prepare('SELECT migration_name, checksum, finished_at FROM _prisma_migrations').all() as { checksum: string; finished_at: number }[];
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.finished_at > 0)).toBe(true);
    db.close();
  });

  it('is a no-op the second time', () => {
    expect(applyMigrations(file, MIGRATIONS)).toEqual({ applied: [], alreadyApplied: listMigrations(MIGRATIONS).map((m) => m.name) });
  });

  it('refuses a migration that was edited after it was applied, and leaves the data alone', () => {
    const edited = join(dir, 'migrations');
    cpSync(MIGRATIONS, edited, { recursive: true });
    const first = listMigrations(edited)[0]!;
    writeFileSync(join(edited, first.name, 'migration.sql'), `${first.sql}\n-- edited\n`);
    expect(() => applyMigrations(file, edited)).toThrow(/was edited after it was applied/);
  });

  it('rolls back a failing migration as a whole', () => {
    const broken = join(dir, 'broken');
    cpSync(MIGRATIONS, broken, { recursive: true });
    const name = '29990101000000_broken';
    cpSync(join(MIGRATIONS, listMigrations(MIGRATIONS)[0]!.name), join(broken, name), { recursive: true });
    writeFileSync(join(broken, name, 'migration.sql'), 'CREATE TABLE "Half" ("id" INTEGER);\nTHIS IS NOT SQL;');
    expect(() => applyMigrations(file, broken)).toThrow();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'Half'").get()).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM _prisma_migrations WHERE migration_name = ?').get(name)).toEqual({ n: 0 });
    db.close();
  });
});
