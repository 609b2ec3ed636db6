import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbClient, type PrismaClient } from '../db.ts';
import { COPIED_MODELS, copyDatabase } from './copy-database.ts';
import { createTestDatabase } from './testing/test-database.ts';

// A source with rows in every table; DateTimes with milliseconds, Bytes with 0x00 and 0xff,
// explicit autoincrement ids with a gap, and more ViewStat rows than one page.
const SALT = Uint8Array.from([0, 255, 1, 254, ...Array.from({ length: 28 }, (_, i) => i * 9)]);
const AT = new Date('2026-03-29T01:59:59.123Z');

async function fillSource(db: PrismaClient): Promise<void> {
  await db.healthEvent.createMany({ data: [{ id: 1, cameraId: 'roof', kind: 'live', at: AT, detail: 'ünïcödé ✓' }, { id: 7, cameraId: 'roof', kind: 'offline', at: new Date(AT.getTime() + 1) }] });
  await db.viewStat.createMany({
    data: Array.from({ length: 2500 }, (_, i) => ({ cameraId: 'roof', hour: new Date(Date.UTC(2026, 0, 1, i % 24)), country: `C${Math.floor(i / 24)}`, device: 'mobile', source: 'direct', views: i, watchSeconds: i * 30 })),
  });
  await db.viewHour.create({ data: { cameraId: 'roof', hour: AT, views: 3, watchSeconds: 2_000_000_000 } });
  await db.viewDimensionDay.create({ data: { cameraId: 'roof', day: new Date('2026-01-01T00:00:00Z'), dimension: 'device', value: 'smart-tv', views: 5, watchSeconds: 28_800 } });
  await db.viewLocalDay.create({ data: { timeZone: 'Europe/Zurich', cameraId: 'roof', date: '2026-03-29', views: 3, watchSeconds: 2_000_000_000 } });
  await db.viewLocalDayZone.create({ data: { timeZone: 'Europe/Zurich', cameraId: '*', builtAt: AT } });
  await db.previewFetchDay.create({ data: { cameraId: 'roof', day: new Date('2026-03-29T00:00:00Z'), portal: 'windy', via: 'edge', fetches: 60 } });
  await db.previewFetchLocalDay.create({ data: { timeZone: 'Europe/Zurich', cameraId: 'roof', date: '2026-03-29', portal: 'windy', via: 'edge', fetches: 60 } });
  await db.visitorDay.create({ data: { cameraId: 'roof', day: new Date('2026-03-29T00:00:00Z'), visitors: 42 } });
  await db.visitorSalt.create({ data: { day: new Date('2026-03-29T00:00:00Z'), salt: SALT, createdAt: AT } });
  await db.visitorHash.create({ data: { day: new Date('2026-03-29T00:00:00Z'), cameraId: 'roof', hash: 'ab'.repeat(16) } });
  await db.previewFetchStat.create({ data: { cameraId: 'roof', hour: AT, portal: 'windy', via: 'edge', fetches: 60 } });
  await db.originCursor.create({ data: { origin: 'http://home:3100', cursor: '17:42', updatedAt: AT } });
  await db.owner.create({ data: { passwordHash: '$argon2id$v=19$x', passwordChangedAt: AT } });
  await db.session.create({ data: { tokenHash: 'f'.repeat(64), createdAt: AT, lastSeenAt: AT, expiresAt: new Date('2026-04-29T00:00:00Z') } });
}

async function countAll(db: PrismaClient): Promise<Record<string, number>> {
  const delegates = db as unknown as Record<string, { count: () => Promise<number> }>;
  return Object.fromEntries(await Promise.all(COPIED_MODELS.map(async (m) => [m, await delegates[m.charAt(0).toLowerCase() + m.slice(1)]!.count()])));
}

function runCopy(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts', ...args], { encoding: 'utf8' });
}

async function runCopyAsync(...args: string[]): Promise<{ status: number; stderr: string }> {
  try {
    await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/db-copy.ts', ...args]);
    return { status: 0, stderr: '' };
  } catch (error) {
    const failed = error as { code: number; stderr: string };
    return { status: failed.code, stderr: failed.stderr };
  }
}

describe('npm run db:copy', () => {
  const dbs: { url: string; drop: () => Promise<void> }[] = [];
  let sqlite = '';
  let postgres = '';
  let expected: Record<string, number> = {};

  beforeAll(async () => {
    dbs.push(await createTestDatabase('sqlite'), await createTestDatabase('postgresql'));
    [sqlite, postgres] = dbs.map((d) => d.url) as [string, string];
    const source = createDbClient(sqlite);
    await fillSource(source);
    expected = await countAll(source);
    await source.$disconnect();
  });
  afterAll(() => Promise.all(dbs.map((d) => d.drop())));

  it('moves every row of every table from SQLite to PostgreSQL, values intact, and the target goes on working', async () => {
    expect(Object.values(expected).every((n) => n > 0)).toBe(true);
    const run = runCopy('--from', sqlite, '--to', postgres);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Copied 2515 row\(s\) from file:.* to postgresql:\/\/lookout@127\.0\.0\.1:\d+\/lookout_\w+; every table's count matches/);
    const target = createDbClient(postgres);
    try {
      expect(await countAll(target)).toEqual(expected);
      expect(Buffer.from((await target.visitorSalt.findFirstOrThrow()).salt)).toEqual(Buffer.from(SALT));
      const events = await target.healthEvent.findMany({ orderBy: { id: 'asc' } });
      expect(events.map((e) => [e.id, e.at.toISOString(), e.detail])).toEqual([
        [1, '2026-03-29T01:59:59.123Z', 'ünïcödé ✓'],
        [7, '2026-03-29T01:59:59.124Z', ''],
      ]);
      expect((await target.originCursor.findFirstOrThrow()).updatedAt).toEqual(AT);
      expect((await target.viewHour.findFirstOrThrow()).watchSeconds).toBe(2_000_000_000);
      expect(await target.viewStat.aggregate({ _sum: { views: true } })).toEqual({ _sum: { views: (2499 * 2500) / 2 } });
      // The serial sequence continues after the copied ids.
      expect((await target.healthEvent.create({ data: { cameraId: 'roof', kind: 'live' } })).id).toBe(8);
    } finally {
      await target.$disconnect();
    }
  });

  it('refuses a target that has rows, and replaces them only with --overwrite', async () => {
    const refused = runCopy('--from', sqlite, '--to', postgres);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/the target already has rows \(HealthEvent: 3, ViewStat: 2500, .*\); pass --overwrite to replace them/);
    const target = createDbClient(postgres);
    try {
      expect(await target.healthEvent.count()).toBe(3); // untouched
      const run = runCopy('--from', sqlite, '--to', postgres, '--overwrite');
      expect(run.status).toBe(0);
      expect(await countAll(target)).toEqual(expected);
    } finally {
      await target.$disconnect();
    }
  });

  it('copies back from PostgreSQL to a fresh SQLite database row for row', async () => {
    const back = await createTestDatabase('sqlite');
    expect(await copyDatabase(postgres, back.url, { batchSize: 700 })).toEqual(expected);
    const [a, b] = [createDbClient(sqlite), createDbClient(back.url)];
    try {
      const order = [{ hour: 'asc' as const }, { country: 'asc' as const }];
      expect(await b.viewStat.findMany({ orderBy: order })).toEqual(await a.viewStat.findMany({ orderBy: order }));
      expect(await b.visitorSalt.findMany()).toEqual(await a.visitorSalt.findMany());
      expect(await b.session.findMany()).toEqual(await a.session.findMany());
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });

  it('leaves the target as it was when the copy fails halfway', async () => {
    const target = await createTestDatabase('postgresql');
    const db = createDbClient(target.url);
    try {
      await db.$executeRawUnsafe('ALTER TABLE "Session" ADD CONSTRAINT no_rows CHECK (false)'); // the last table cannot take its row
      await expect(copyDatabase(sqlite, target.url)).rejects.toThrow(/no_rows/);
      expect(Object.values(await countAll(db)).every((n) => n === 0)).toBe(true);
    } finally {
      await db.$disconnect();
      await target.drop();
    }
  });

  it('says what is wrong with its arguments', async () => {
    const [scheme, missing, same] = await Promise.all([
      runCopyAsync('--from', 'mysql://x/y', '--to', postgres),
      runCopyAsync('--from', 'file:/nonexistent/lookout.db', '--to', postgres),
      runCopyAsync('--from', postgres, '--to', postgres),
    ]);
    expect(scheme).toMatchObject({ status: 2, stderr: expect.stringContaining('--from: expected file:<path> or postgresql://') });
    expect(missing).toMatchObject({ status: 2, stderr: expect.stringContaining('/nonexistent/lookout.db does not exist') });
    expect(same).toMatchObject({ status: 2, stderr: expect.stringContaining('the same database') });
  });
});
