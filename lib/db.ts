import { getDatabaseProvider } from './db/database-url.ts';
import { createPostgresClient } from './db/postgres.ts';
import { createSqliteClient } from './db/sqlite.ts';
import { getEnv } from './env.ts';
import type { PrismaClient } from './generated/prisma/client.ts';

export type { PrismaClient };

// The one Prisma client, for SQLite or PostgreSQL as DATABASE_URL says. Only lib/queries/**
// imports this module. Queries are typed against the SQLite client; both clients are generated
// from the same models, and the queries use only the typed API both support.
const globalForPrisma = globalThis as unknown as { lookoutPrisma?: PrismaClient };

export function createDbClient(url: string): PrismaClient {
  return getDatabaseProvider(url) === 'postgresql' ? createPostgresClient(url) : createSqliteClient(url);
}

export function getDb(): PrismaClient {
  globalForPrisma.lookoutPrisma ??= createDbClient(getEnv().DATABASE_URL);
  return globalForPrisma.lookoutPrisma;
}
