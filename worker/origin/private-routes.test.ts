import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../lib/log.ts';
import { EventJournal } from '../journal/event-journal.ts';
import { isLoopback, type PrivateAccess } from './private-guard.ts';
import { createOriginServer } from './server.ts';

const TOKEN = 'a-long-shared-origin-token-0123456789';
let origin: Server | undefined;

async function startOrigin(access: PrivateAccess): Promise<{ base: string; journal: EventJournal }> {
  const root = mkdtempSync(join(tmpdir(), 'lookout-private-'));
  const journal = EventJournal.open(join(root, 'journal'));
  origin = createOriginServer({
    hlsRoot: join(root, 'hls'),
    cameraIds: [],
    status: () => ({ generatedAt: 'now', cameras: [] }),
    snapshots: { defaultCameraId: 'cam', jobs: new Map() },
    log: createLogger('test'),
    private: { access, journal, metrics: async () => ({ contentType: 'text/plain; version=0.0.4', body: 'lookout_up 1\n' }) },
  });
  await new Promise<void>((r) => origin!.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(origin.address() as AddressInfo).port}`, journal };
}

afterEach(async () => {
  if (!origin) return;
  origin.closeAllConnections();
  await new Promise((r) => origin!.close(r));
  origin = undefined;
});

const PATHS = ['/status.json', '/events', '/metrics'];

describe("the origin's private paths", () => {
  it('answer a loopback peer', async () => {
    const { base, journal } = await startOrigin({ trustLoopback: true });
    journal.append({ type: 'health', cameraId: 'cam', kind: 'live', detail: 'ok', at: '2026-01-01T00:00:00Z' });
    for (const path of PATHS) expect((await fetch(base + path)).status, path).toBe(200);
    const page = (await (await fetch(`${base}/events`)).json()) as { events: { seq: number }[]; next: string };
    expect(page.events.map((e) => e.seq)).toEqual([1]);
    expect(((await (await fetch(`${base}/events?after=${page.next}`)).json()) as { events: unknown[] }).events).toEqual([]);
    expect(await (await fetch(`${base}/metrics`)).text()).toBe('lookout_up 1\n');
  });

  it('refuse everyone else unless the bearer token matches', async () => {
    const { base } = await startOrigin({ trustLoopback: false, token: TOKEN });
    for (const path of PATHS) {
      expect((await fetch(base + path)).status, path).toBe(401);
      for (const wrong of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `bearer ${TOKEN}`, TOKEN, `Basic ${TOKEN}`, 'Bearer ']) {
        expect((await fetch(base + path, { headers: { Authorization: wrong } })).status, `${path} ${wrong}`).toBe(401);
      }
      expect((await fetch(base + path, { headers: { Authorization: `Bearer ${TOKEN}` } })).status, path).toBe(200);
    }
  });

  it('refuse a non-loopback peer outright when no token is configured', async () => {
    const { base } = await startOrigin({ trustLoopback: false });
    for (const path of PATHS) {
      const response = await fetch(base + path, { headers: { Authorization: 'Bearer anything' } });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: 'forbidden', message: 'Only the site may read this' } });
    }
  });

  it('reject a malformed cursor with a clear error', async () => {
    const { base } = await startOrigin({ trustLoopback: true });
    const response = await fetch(`${base}/events?after=../../etc`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_cursor');
  });

  it('take only real loopback addresses for loopback', () => {
    expect(['127.0.0.1', '127.5.0.1', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['10.0.0.1', '::ffff:10.0.0.1', '::2', '128.0.0.1', '1270.0.0.1', undefined, ''].map(isLoopback)).toEqual([false, false, false, false, false, false, false]);
  });
});
