// npm run db:copy -- --from file:./data/lookout.db --to postgresql://user:pass@host/lookout [--overwrite]
// Moves an install to another database: both are migrated first, then every row of every table
// is copied in one transaction and the row counts compared. Stop the site while it runs.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getDatabaseProvider, isDatabaseUrl, redactDatabaseUrl } from '../lib/db/database-url.ts';

const usage = 'usage: npm run db:copy -- --from <database url> --to <database url> [--overwrite]';
const { values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, overwrite: { type: 'boolean', default: false } } });
const { from, to } = values;
for (const [flag, url] of [['--from', from], ['--to', to]] as const) {
  if (!url || !isDatabaseUrl(url)) {
    console.error(`${flag}: expected file:<path> or postgresql://…\n${usage}`);
    process.exit(2);
  }
}
if (from === to) {
  console.error(`--from and --to are the same database\n${usage}`);
  process.exit(2);
}
const sourceFile = from!.replace(/^file:/, '');
if (getDatabaseProvider(from!) === 'sqlite' && !existsSync(sourceFile)) {
  console.error(`--from: ${sourceFile} does not exist`);
  process.exit(2);
}

// Loaded once the arguments are known to be good: the two Prisma clients take seconds to load.
const { migrateDatabase } = await import('../lib/db/migrate-database.ts');
const { copyDatabase, TargetNotEmptyError } = await import('../lib/queries/copy-database.ts');

try {
  for (const url of [from!, to!]) {
    const { applied } = await migrateDatabase(url);
    if (applied.length) console.log(`migrated ${redactDatabaseUrl(url)}: ${applied.join(', ')}`);
  }
  const counts = await copyDatabase(from!, to!, { overwrite: values.overwrite, onTable: (model, rows) => console.log(`${model}: ${rows} row(s)`) });
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`Copied ${total} row(s) from ${redactDatabaseUrl(from!)} to ${redactDatabaseUrl(to!)}; every table's count matches.`);
} catch (error) {
  console.error(`db:copy: ${error instanceof TargetNotEmptyError ? '' : 'failed: '}${(error as Error).message}`);
  process.exit(1);
}
