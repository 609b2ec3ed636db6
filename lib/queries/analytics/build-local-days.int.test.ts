import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, expect, it } from 'vitest';
import { createDbClient, getDb, type PrismaClient } from '../../db.ts';
import { sqliteFileFromUrl } from '../../db/migrate.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { createEmptyBatch } from './analytics-rows.ts';
import { applyAnalyticsBatch } from './apply-analytics-batch.ts';
import { rebuildLocalDays } from './build-local-days.ts';

const globalForPrisma = globalThis as unknown as { lookoutPrisma?: PrismaClient };
afterAll(() => globalForPrisma.lookoutPrisma?.$disconnect());

// Another process (the site, while `npm run analytics:demo` rebuilds) holds the write lock and
// commits a new hour while the rebuild starts. The rebuild must wait for it and count that hour,
// not fail with "database is locked" (the dashboard e2e's demo seed did, now and then, on CI).
it('waits for a write another process holds on SQLite, then rolls up what it committed', async () => {
  const { url } = await createTestDatabase('sqlite');
  globalForPrisma.lookoutPrisma = createDbClient(url);
  const hour = new Date('2026-03-02T10:00Z');
  await applyAnalyticsBatch({ ...createEmptyBatch(), viewHours: [{ cameraId: 'roof', hour, views: 5, watchSeconds: 50 }] });

  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const db = new (require('better-sqlite3'))(process.argv[1]);
       db.exec('BEGIN IMMEDIATE');
       db.prepare('INSERT INTO "ViewHour" ("cameraId", "hour", "views", "watchSeconds") VALUES (?, ?, ?, ?)').run('roof', '2026-03-02T11:00:00.000+00:00', 7, 70);
       console.log('locked');
       setTimeout(() => { db.exec('COMMIT'); db.close(); }, 800);`,
      sqliteFileFromUrl(url),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [line] = (await once(holder.stdout, 'data')) as [Buffer];
  expect(line.toString().trim()).toBe('locked');

  await rebuildLocalDays({ timeZone: 'Europe/Zurich', cameraId: 'roof' }, { from: hour, to: new Date('2026-03-02T12:00Z') });
  const [exit] = (await once(holder, 'exit')) as [number];
  expect(exit).toBe(0);
  const days = await getDb().viewLocalDay.findMany({ where: { timeZone: 'Europe/Zurich', cameraId: 'roof' } });
  expect(days.map((d) => ({ date: d.date, views: d.views, watchSeconds: d.watchSeconds }))).toEqual([{ date: '2026-03-02', views: 12, watchSeconds: 120 }]);
});
