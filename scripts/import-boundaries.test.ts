import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own ESLint config on one-line files placed in each layer: every wrong-way import
// is an error, every allowed one is not.
const eslint = new ESLint();

async function restrictedImports(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (eslint.config.mjs)', () => {
  it.each([
    ['lib/probe.ts', '../worker/index.ts', /lib\/ may not import worker/],
    ['lib/analytics/probe.ts', '../../components/dashboard/Section.tsx', /lib\/ may not import components/],
    ['lib/db/probe.ts', '../../worker/paths.ts', /lib\/ may not import worker/],
    ['lib/db.ts', '../app/layout.tsx', /lib\/ may not import app/],
    ['lib/queries/probe.ts', '../../worker/paths.ts', /lib\/ may not import worker/],
    ['components/probe.tsx', '../app/layout.tsx', /components\/ may not import app/],
    ['components/probe.tsx', '../worker/paths.ts', /components\/ may not import worker/],
    ['app/probe.tsx', '../worker/paths.ts', /app\/ may not import worker/],
    ['worker/probe.ts', '../components/dashboard/Section.tsx', /worker\/ may not import components/],
    ['app/probe.tsx', '../lib/db.ts', /Only lib\/queries/],
    ['components/probe.tsx', '../lib/db/sqlite.ts', /Only lib\/queries/],
    ['worker/probe.ts', '@prisma/client', /Only lib\/queries/],
    ['lib/analytics/probe.ts', '../generated/prisma/client.ts', /Only lib\/queries/],
    ['scripts/probe.ts', '../lib/db/postgres.ts', /Only lib\/queries/],
  ])('%s importing %s is refused', async (file, specifier, message) => {
    const messages = await restrictedImports(file, specifier);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ['app/probe.tsx', '../components/dashboard/Section.tsx'],
    ['components/probe.tsx', '../lib/cameras.ts'],
    ['worker/probe.ts', '../lib/cameras.ts'],
    ['lib/queries/probe.ts', '../db.ts'],
    ['lib/db/probe.ts', '../generated/prisma/client.ts'],
    ['scripts/probe.ts', '../lib/db/migrate-database.ts'],
  ])('%s importing %s is allowed', async (file, specifier) => {
    expect(await restrictedImports(file, specifier)).toEqual([]);
  });
});
