import { readFileSync, writeFileSync } from 'node:fs';

// prisma/schema.prisma (SQLite) is the one schema people edit. Prisma names one provider per
// schema and a client generated for one cannot talk to the other, so the PostgreSQL schema is
// derived from it here: same models, another provider, another client output.
export const SQLITE_SCHEMA = 'prisma/schema.prisma';
export const POSTGRES_SCHEMA = 'prisma/postgresql/schema.prisma';

const HEADER = `// GENERATED from ${SQLITE_SCHEMA} by scripts/postgres-schema.ts (npm run db:generate).
// Do not edit: change ${SQLITE_SCHEMA}, then run npm run db:generate.

`;

function replaceOnce(text: string, pattern: RegExp, replacement: string, what: string): string {
  const matches = text.match(new RegExp(pattern.source, 'g')) ?? [];
  if (matches.length !== 1) throw new Error(`${SQLITE_SCHEMA}: expected exactly one ${what}, found ${matches.length}`);
  return text.replace(pattern, replacement);
}

export function buildPostgresSchema(sqliteSchema: string): string {
  let schema = replaceOnce(sqliteSchema, /provider = "sqlite"/, 'provider = "postgresql"', 'provider = "sqlite"');
  schema = replaceOnce(schema, /output(\s*)= "\.\.\/lib\/generated\/prisma"/, 'output$1= "../../lib/generated/prisma-postgresql"', 'client output "../lib/generated/prisma"');
  return HEADER + schema;
}

export function writePostgresSchema(): boolean {
  const next = buildPostgresSchema(readFileSync(SQLITE_SCHEMA, 'utf8'));
  let current = '';
  try {
    current = readFileSync(POSTGRES_SCHEMA, 'utf8');
  } catch {
    // first run
  }
  if (current === next) return false;
  writeFileSync(POSTGRES_SCHEMA, next);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (writePostgresSchema()) console.log(`wrote ${POSTGRES_SCHEMA}`);
}
