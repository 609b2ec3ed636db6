import { getDatabaseProvider, MIGRATIONS_DIR } from './database-url.ts';
import { applyMigrations, sqliteFileFromUrl, type MigrationResult } from './migrate.ts';
import { applyPostgresMigrations } from './migrate-postgres.ts';

// `npm run db:migrate`: the migrations for the database DATABASE_URL names.
export async function migrateDatabase(url: string): Promise<MigrationResult> {
  if (getDatabaseProvider(url) === 'postgresql') return applyPostgresMigrations(url, MIGRATIONS_DIR.postgresql);
  return applyMigrations(sqliteFileFromUrl(url), MIGRATIONS_DIR.sqlite);
}
