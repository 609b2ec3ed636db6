import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { getEnv } from './env.ts';
import { PrismaClient } from './generated/prisma/client.ts';

// The one Prisma client. Only lib/queries/** imports this module.
const globalForPrisma = globalThis as unknown as { lookoutPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  globalForPrisma.lookoutPrisma ??= new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: getEnv().DATABASE_URL }),
  });
  return globalForPrisma.lookoutPrisma;
}
