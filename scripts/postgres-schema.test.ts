import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../lib/db/database-url.ts';
import { buildPostgresSchema, POSTGRES_SCHEMA, SQLITE_SCHEMA } from './postgres-schema.ts';

describe('the PostgreSQL schema', () => {
  const sqlite = readFileSync(SQLITE_SCHEMA, 'utf8');

  it('is prisma/schema.prisma with another provider and client output (run npm run db:generate when this fails)', () => {
    expect(readFileSync(POSTGRES_SCHEMA, 'utf8')).toBe(buildPostgresSchema(sqlite));
  });

  it('keeps every model line and changes only the provider and the output', () => {
    const built = buildPostgresSchema(sqlite);
    expect(built).toContain('provider = "postgresql"');
    expect(built).toContain('"../../lib/generated/prisma-postgresql"');
    expect(built).not.toContain('"sqlite"');
    const models = (text: string) => text.slice(text.indexOf('\nmodel '));
    expect(models(built)).toBe(models(sqlite));
  });

  it('refuses a source schema it cannot carry over', () => {
    expect(() => buildPostgresSchema(sqlite.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/expected exactly one provider = "sqlite", found 0/);
    expect(() => buildPostgresSchema(sqlite.replace('../lib/generated/prisma"', '../generated"'))).toThrow(/client output/);
  });
});

describe('the migrations', () => {
  it('have the same names for both databases', () => {
    const names = (dir: string) => readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
    expect(names(MIGRATIONS_DIR.postgresql)).toEqual(names(MIGRATIONS_DIR.sqlite));
    expect(names(MIGRATIONS_DIR.sqlite).length).toBeGreaterThanOrEqual(2);
    expect(readFileSync(`${MIGRATIONS_DIR.postgresql}/migration_lock.toml`, 'utf8')).toContain('provider = "postgresql"');
  });
});
