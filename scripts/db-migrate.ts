import { getEnv } from '../lib/env.ts';
import { applyMigrations, sqliteFileFromUrl } from '../lib/migrate.ts';

const file = sqliteFileFromUrl(getEnv().DATABASE_URL);
const { applied, alreadyApplied } = applyMigrations(file, 'prisma/migrations');
console.log(
  applied.length ? `Applied ${applied.length} migration(s) to ${file}: ${applied.join(', ')}` : `Database ${file} is up to date (${alreadyApplied.length} migration(s)).`,
);
