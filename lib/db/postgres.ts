import type { PrismaClient } from '../generated/prisma/client.ts';
import { PrismaClient as PostgresClient } from '../generated/prisma-postgresql/client.ts';

type AdapterFactory = NonNullable<ConstructorParameters<typeof PostgresClient>[0]['adapter']>;

// pg and its adapter load on the first query, so an SQLite install (and the worker bundle)
// never pulls them in.
function createLazyPgAdapter(url: string): AdapterFactory {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    async connect() {
      const { PrismaPg } = await import('@prisma/adapter-pg');
      return new PrismaPg({ connectionString: url }).connect();
    },
  };
}

// The PostgreSQL client has the same models and typed API as the SQLite one it is generated
// beside, so it stands in for it wherever a query asks for the client.
export function createPostgresClient(url: string): PrismaClient {
  return new PostgresClient({ adapter: createLazyPgAdapter(url) }) as unknown as PrismaClient;
}
