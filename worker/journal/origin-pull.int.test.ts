import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createLogger } from '../../lib/log.ts';
import { getMetricsRegistry } from '../../lib/metrics/registry.ts';
import { pullOriginEvents } from '../../lib/site-server/origin-pull/pull-origin-events.ts';
import { getRecentHealthEvents } from '../../lib/queries/health-events.ts';
import { getOriginCursor } from '../../lib/queries/origin-events.ts';
import { getPreviewFetchCounts } from '../../lib/queries/preview-fetches.ts';
import { describeEachDatabase } from '../../lib/queries/testing/test-database.ts';
import { createOriginServer } from '../origin/server.ts';
import { EventJournal } from './event-journal.ts';

// The site's pull (lib/site-server/origin-pull) against the worker's real origin and journal, as a site on
// another machine sees it: loopback not trusted, the shared token required.
const TOKEN = 'split-test-origin-token-0123456789';
const servers: Server[] = [];

async function countedOriginFetches(): Promise<number> {
  const metric = await getMetricsRegistry().getSingleMetric('lookout_preview_fetches_total')?.get();
  return metric?.values.find((v) => v.labels.camera === 'roof' && v.labels.portal === 'windy' && v.labels.via === 'origin')?.value ?? 0;
}

async function serveJournal(journal: EventJournal, port = 0): Promise<string> {
  const origin = createOriginServer({
    hlsRoot: '/nonexistent',
    cameraIds: [],
    status: () => ({ generatedAt: '', cameras: [] }),
    snapshots: { defaultCameraId: 'cam', jobs: new Map() },
    log: createLogger('test'),
    private: { access: { trustLoopback: false, token: TOKEN }, journal },
  });
  servers.push(origin);
  await new Promise<void>((r) => origin.listen(port, '127.0.0.1', r));
  return `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
}
async function stopServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
}
afterAll(async () => {
  for (const server of servers) if (server.listening) await stopServer(server);
});

const health = (cameraId: string, detail: string) => ({ type: 'health' as const, cameraId, kind: 'live' as const, detail, at: new Date().toISOString() });

describeEachDatabase('pulling origin events', () => {
  it('records every event once, page by page, and only with the right token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-pull-'));
    const journal = EventJournal.open(join(dir, 'journal'));
    const originUrl = await serveJournal(journal);
    for (let i = 0; i < 450; i++) journal.append(health('roof', `e${i}`));
    journal.append({ type: 'preview-fetches', cameraId: 'roof', hour: '2026-01-01T10:00:00.000Z', portal: 'windy', fetches: 5 });

    await expect(pullOriginEvents({ originUrl, token: 'wrong-token-wrong-token' })).rejects.toThrow(/401/);
    await expect(pullOriginEvents({ originUrl })).rejects.toThrow(/401/);
    expect(await getOriginCursor(originUrl)).toBeNull();

    const fetchesBefore = await countedOriginFetches();
    expect(await pullOriginEvents({ originUrl, token: TOKEN })).toEqual({ applied: 451, gap: false })
    expect(await pullOriginEvents({ originUrl, token: TOKEN })).toEqual({ applied: 0, gap: false });
    const rows = await getRecentHealthEvents('roof', 5000);
    expect(rows).toHaveLength(450);
    expect(new Set(rows.map((r) => r.detail)).size).toBe(450);
    expect(await getPreviewFetchCounts('roof')).toEqual([{ hour: new Date('2026-01-01T10:00:00Z'), portal: 'windy', via: 'origin', fetches: 5 }]);
    expect(await countedOriginFetches()).toBe(fetchesBefore + 5); // the site's metrics, once
  });

  it('loses nothing while the worker is down and restarts, and starts over on a new journal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-pull-'));
    let journal = EventJournal.open(join(dir, 'journal'));
    const originUrl = await serveJournal(journal);
    const port = Number(new URL(originUrl).port);
    journal.append(health('gate', 'before'));
    await pullOriginEvents({ originUrl, token: TOKEN });

    await stopServer(servers.at(-1)!);
    journal.append(health('gate', 'while the link is down'));
    await expect(pullOriginEvents({ originUrl, token: TOKEN })).rejects.toThrow();
    journal = EventJournal.open(join(dir, 'journal')); // the worker restarts on the same data
    journal.append(health('gate', 'after the restart'));
    await serveJournal(journal, port);
    expect((await pullOriginEvents({ originUrl, token: TOKEN })).applied).toBe(2);
    expect((await getRecentHealthEvents('gate')).map((r) => r.detail).reverse()).toEqual(['before', 'while the link is down', 'after the restart']);

    await stopServer(servers.at(-1)!);
    const fresh = EventJournal.open(join(dir, 'new-journal')); // the owner wiped the worker's data
    fresh.append(health('gate', 'new journal'));
    await serveJournal(fresh, port);
    await pullOriginEvents({ originUrl, token: TOKEN });
    expect((await getRecentHealthEvents('gate'))[0]!.detail).toBe('new journal');
    expect(await getOriginCursor(originUrl)).toBe(`${fresh.id}.1`);
  });
});
