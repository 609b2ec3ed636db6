import { defineConfig } from 'prisma/config';

// Used by Prisma's own CLI (generate, validate, and migrate where its engine can run).
// The app and the worker take the database URL from lib/env.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'file:./data/lookout.db' },
});
