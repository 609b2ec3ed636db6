import { afterAll, expect, it } from 'vitest';
import { getDb } from '../../db.ts';
import { describeEachDatabase } from './test-database.ts';

// The query suite's promise: every describeEachDatabase block runs once on each database, on a
// fresh migrated database of its own.
const seen: string[] = [];

async function readProvider(): Promise<string> {
  const db = getDb();
  try {
    const [row] = await db.$queryRawUnsafe<{ v: string }[]>('SELECT version() AS v');
    return row!.v.startsWith('PostgreSQL') ? 'postgresql' : `unknown: ${row!.v}`;
  } catch {
    const [row] = await db.$queryRawUnsafe<{ v: string }[]>('SELECT sqlite_version() AS v');
    return /^3\.\d+/.test(row!.v) ? 'sqlite' : `unknown: ${row!.v}`;
  }
}

describeEachDatabase('describeEachDatabase', () => {
  it('hands getDb() a real database of each provider in turn', async () => {
    seen.push(await readProvider());
  });

  it('starts each block with a fresh, fully migrated database', async () => {
    expect(await getDb().healthEvent.count()).toBe(0);
    await getDb().healthEvent.create({ data: { cameraId: 'roof', kind: 'live' } });
    expect(await getDb().session.count()).toBe(0); // the newest migration's tables exist
  });
});

afterAll(() => {
  expect(seen).toEqual(['sqlite', 'postgresql']);
});
