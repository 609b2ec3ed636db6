// Runs the Prisma CLI for the commands that work offline (generate, validate, format).
// Prisma 7 insists on a native schema engine even for those; any existing file satisfies
// the check, and they only use the WASM shipped in npm. Migrations go through db-migrate.ts.
// `generate` without --schema first derives prisma/postgresql/schema.prisma from
// prisma/schema.prisma, then generates both clients (SQLite and PostgreSQL).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = 'node_modules/prisma/build/index.js';
if (!existsSync(cli)) process.exit(0); // production install without dev deps: nothing to generate
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', env }).status ?? 1;

const args = process.argv.slice(2);
if (args[0] === 'generate' && !args.some((a) => a.startsWith('--schema'))) {
  const steps = [
    ['--import', 'tsx', 'scripts/postgres-schema.ts'],
    [cli, ...args, '--schema', 'prisma/schema.prisma'],
    [cli, ...args, '--schema', 'prisma/postgresql/schema.prisma'],
  ];
  for (const step of steps) {
    const status = run(step);
    if (status !== 0) process.exit(status);
  }
  process.exit(0);
}
process.exit(run([cli, ...args]));
