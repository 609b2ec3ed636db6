import { redactDatabaseUrl } from '../lib/database-url.ts';
import { getEnv } from '../lib/env.ts';
import { migrateDatabase } from '../lib/migrate-database.ts';

const url = getEnv().DATABASE_URL;
const shown = redactDatabaseUrl(url);
try {
  const { applied, alreadyApplied } = await migrateDatabase(url);
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${shown}: ${applied.join(', ')}` : `Database ${shown} is up to date (${alreadyApplied.length} migration(s)).`);
} catch (error) {
  console.error(`Migrating ${shown} failed: ${(error as Error).message}`);
  process.exit(1);
}
