import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Applies prisma/migrations/*/migration.sql (SQLite) in order and records each in Prisma's own
// `_prisma_migrations` table with the same sha256 checksum, so `prisma migrate` stays
// compatible wherever its native engine can run. Here it cannot be downloaded.
// migrate-postgres.ts is the PostgreSQL twin; migrate-database.ts picks one by DATABASE_URL.

const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export type MigrationResult = { applied: string[]; alreadyApplied: string[] };

export function sqliteFileFromUrl(url: string): string {
  return url.replace(/^file:/, '');
}

export function listMigrations(dir: string): { name: string; sql: string; checksum: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

// True when the migration ran before (noted in result.alreadyApplied); an applied migration
// whose file changed since is refused: the two providers' histories must stay what ran.
export function isApplied(migration: { name: string; checksum: string }, done: ReadonlyMap<string, string>, result: MigrationResult): boolean {
  const previous = done.get(migration.name);
  if (previous === undefined) return false;
  if (previous !== migration.checksum) {
    throw new Error(`Migration ${migration.name} was edited after it was applied (checksum differs). Create a new migration instead.`);
  }
  result.alreadyApplied.push(migration.name);
  return true;
}

export function applyMigrations(dbFile: string, migrationsDir: string): MigrationResult {
  mkdirSync(dirname(dbFile), { recursive: true });
  const db = new Database(dbFile);
  try {
    db.pragma('journal_mode = WAL');
    db.exec(HISTORY_TABLE);
    const done = new Map(
      (db.prepare('SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL').all() as { migration_name: string; checksum: string }[]).map(
        (row) => [row.migration_name, row.checksum],
      ),
    );
    const result: MigrationResult = { applied: [], alreadyApplied: [] };
    for (const migration of listMigrations(migrationsDir)) {
      if (isApplied(migration, done, result)) continue;
      const startedAt = Date.now();
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare(
          'INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
        ).run(randomUUID(), migration.checksum, Date.now(), migration.name, startedAt);
      })();
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    db.close();
  }
}
