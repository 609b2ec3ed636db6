// npm run db:diff -- <name> [--postgres-url postgresql://…]
// Writes the next migration for both databases from the change to prisma/schema.prisma:
// prisma/migrations/<timestamp>_<name>/migration.sql (SQLite) and
// prisma/postgresql/migrations/<timestamp>_<name>/migration.sql (PostgreSQL).
// The schema engine needs a PostgreSQL server to run; without --postgres-url a throwaway one is
// started (Debian's postgresql package). Nothing is written to any real database.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MIGRATIONS_DIR } from '../lib/db/database-url.ts';
import { startPostgresCluster } from '../lib/testing/postgres-cluster.ts';
import { planMigration } from './migration-plan.ts';
import { writePostgresSchema } from './postgres-schema.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { 'postgres-url': { type: 'string' } } });
const name = positionals[0];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:diff -- <name>   (lower case, digits and _; e.g. add_camera_notes)');
  process.exit(2);
}

if (writePostgresSchema()) console.log('wrote prisma/postgresql/schema.prisma (run npm run db:generate for the clients)');
const cluster = values['postgres-url'] ? undefined : await startPostgresCluster();
try {
  const plan = await planMigration(values['postgres-url'] ?? cluster!.url());
  if (!plan.sqlite && !plan.postgresql) {
    console.log('The migrations already match prisma/schema.prisma: nothing to write.');
  } else {
    const folder = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${name}`;
    for (const provider of ['sqlite', 'postgresql'] as const) {
      const dir = join(MIGRATIONS_DIR[provider], folder);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'migration.sql'), plan[provider] || '-- This is an empty migration.\n');
      console.log(`wrote ${dir}/migration.sql`);
    }
  }
} finally {
  await cluster?.stop();
}
