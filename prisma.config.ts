import { defineConfig } from 'prisma/config';

// Used by Prisma's own CLI (generate, validate, and migrate where its engine can run). A
// postgresql:// DATABASE_URL picks the PostgreSQL schema and its migrations.
// The app and the worker take the database URL from lib/env.ts.
const url = process.env.DATABASE_URL ?? 'file:./data/lookout.db';
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? 'prisma/postgresql/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: postgres ? 'prisma/postgresql/migrations' : 'prisma/migrations' },
  datasource: { url },
});
