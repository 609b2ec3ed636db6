// Runs the Prisma CLI for the commands that work offline (generate, validate, format).
// Prisma 7 insists on a native schema engine even for those; any existing file satisfies
// the check, and they only use the WASM shipped in npm. Migrations go through db-migrate.ts.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = 'node_modules/prisma/build/index.js';
if (!existsSync(cli)) process.exit(0); // production install without dev deps: nothing to generate
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
const result = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
