import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../db/migrate.ts';
import { freePort } from '../testing/child-process.ts';
import { buildSite, startSite, type Site } from '../testing/site-alone-process.ts';
import { waitFor } from '../testing/wait-for.ts';

// The real site server (built bundle), real SQLite: beacons in, hourly rows out.
const dir = mkdtempSync(join(tmpdir(), 'lookout-beacons-'));
const dbFile = join(dir, 'lookout.db');
const config = join(dir, 'cameras.json');
const PROBE = 'Probe7f3a9c'; // appears in every test UA, must appear in no file
const UA = `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 ${PROBE}`;
const IPS = ['81.62.0.1', '81.62.0.2', '81.62.0.3', '8.8.4.4', '81.62.0.77'];
const env: Record<string, string> = { LOOKOUT_CONFIG: config, ANALYTICS_FLUSH_SECONDS: '0.2', BEACONS_PER_MINUTE: '20' };
let site: Site;
let viewCounter = 0;

const newView = () => `view${String(++viewCounter).padStart(4, '0')}${'x'.repeat(20)}`;
const beacon = (fields: Record<string, unknown>) => ({ camera: 'roof', kind: 'start', seconds: 0, mode: 'page', referrer: '', ...fields });
function post(body: unknown, headers: Record<string, string> = {}, url = site.url): Promise<Response> {
  return fetch(`${url}/api/beacon`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'User-Agent': UA, 'X-Forwarded-For': IPS[0]!, 'Content-Type': 'text/plain', ...headers } });
}
function query<T>(sql: string): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}
type ViewRow = { country: string; device: string; source: string; views: number; watchSeconds: number };
const viewRows = () => query<ViewRow>('SELECT country, device, source, views, watchSeconds FROM ViewStat ORDER BY country, source');
const totalViews = () => query<{ v: number | null; s: number | null }>('SELECT SUM(views) v, SUM(watchSeconds) s FROM ViewHour')[0]!;

beforeAll(async () => {
  buildSite();
  writeFileSync(config, JSON.stringify({ cameras: [{ id: 'roof', name: 'Roof', source: 'test:', timezone: 'Europe/Zurich' }] }));
  applyMigrations(dbFile, 'prisma/migrations');
  env.METRICS_PORT = String(await freePort());
  site = await startSite(dir, env);
}, 900_000);

afterAll(async () => {
  await site?.stop();
});

describe('POST /api/beacon', () => {
  it('counts a view once with its watch seconds, classified by country, device and source', async () => {
    const view = newView();
    expect((await post(beacon({ view }))).status).toBe(204);
    expect((await post(beacon({ view, kind: 'start' }))).status).toBe(204); // a repeated start
    expect((await post(beacon({ view, kind: 'heartbeat', seconds: 8 }))).status).toBe(204);
    expect((await post(beacon({ view, kind: 'end', seconds: 5 }))).status).toBe(204);
    const embedded = newView();
    await post(beacon({ view: embedded, mode: 'embed', referrer: 'www.meteo-blog.example' }), { 'X-Forwarded-For': IPS[3]! });
    await waitFor(() => totalViews().v === 2 && totalViews().s === 13, { what: 'the flush' });
    expect(viewRows()).toEqual([
      { country: 'CH', device: 'desktop', source: 'direct', views: 1, watchSeconds: 13 },
      { country: 'US', device: 'desktop', source: 'meteo-blog.example', views: 1, watchSeconds: 0 },
    ]);
    expect(query<{ visitors: number }>('SELECT visitors FROM VisitorDay')).toEqual([{ visitors: 2 }]);
  });

  it('does not count bots, an empty User-Agent or HeadlessChrome, but answers them alike', async () => {
    for (const ua of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', '', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36']) {
      expect((await post(beacon({ view: newView() }), { 'User-Agent': ua, 'X-Forwarded-For': IPS[2]! })).status).toBe(204);
    }
    const marker = newView();
    await post(beacon({ view: marker, referrer: 'marker.example' }), { 'X-Forwarded-For': IPS[2]! });
    await waitFor(() => viewRows().some((row) => row.source === 'marker.example'), { what: 'the marker view' });
    expect(totalViews().v).toBe(3);
  });

  it('answers bad input with the one error shape and counts nothing', async () => {
    const before = totalViews();
    const expectError = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code, message: expect.any(String) });
      expect(response.headers.get('set-cookie')).toBeNull();
    };
    const headers = { 'X-Forwarded-For': IPS[1]! };
    await expectError(await post(JSON.stringify(beacon({ view: newView(), referrer: 'x'.repeat(3000) })), headers), 413, 'body_too_large');
    const chunked = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('{"a":"' + 'y'.repeat(4000))), c.close()) });
    // A body of unknown length is refused before it is read (the site server's request gate).
    await expectError(await fetch(`${site.url}/api/beacon`, { method: 'POST', body: chunked, duplex: 'half', headers: { 'User-Agent': UA, ...headers } } as RequestInit), 411, 'length_required');
    await expectError(await post('{"camera":', headers), 400, 'invalid_json');
    await expectError(await post(beacon({ view: newView(), kind: 'watch' }), headers), 400, 'invalid_body');
    await expectError(await post(beacon({ view: newView(), ip: '1.2.3.4' }), headers), 400, 'invalid_body');
    await expectError(await post(beacon({ view: 'short' }), headers), 400, 'invalid_body');
    await expectError(await post(beacon({ view: newView(), camera: 'nope' }), headers), 404, 'not_found');
    await expectError(await fetch(`${site.url}/api/beacon`), 405, 'method_not_allowed');
    await expectError(await fetch(`${site.url}/api/beacon`, { method: 'PUT', body: '{}' }), 405, 'method_not_allowed');
    let limited: Response | undefined;
    for (let i = 0; i < 30 && !limited; i++) {
      const response = await post(beacon({ view: newView(), camera: 'nope' }), { 'X-Forwarded-For': IPS[4]! });
      if (response.status === 429) limited = response;
    }
    expect(limited?.headers.get('retry-after')).toBe('60');
    await expectError(limited!, 429, 'rate_limited');
    expect((await post(beacon({ view: newView() }), { 'X-Forwarded-For': IPS[1]! })).status).toBe(204); // others still served
    await waitFor(() => totalViews().v === before.v! + 1, { what: 'the good beacon' });
    const page = await fetch(`${site.url}/cameras/roof`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
  });

  it('moves the site metrics as beacons come: views, watch seconds, refusals by reason', async () => {
    const read = async (pattern: RegExp) => Number(pattern.exec(await (await fetch(`http://127.0.0.1:${env.METRICS_PORT}/metrics`)).text())?.[1] ?? 0);
    const views = () => read(/^lookout_views_total\{camera="roof"\} (\S+)$/m);
    const seconds = () => read(/^lookout_watch_seconds_total\{camera="roof"\} (\S+)$/m);
    const badJson = () => read(/^lookout_beacon_rejects_total\{reason="invalid_json"\} (\S+)$/m);
    const before = { views: await views(), seconds: await seconds(), badJson: await badJson() };
    const view = newView();
    const headers = { 'X-Forwarded-For': IPS[2]! };
    expect((await post(beacon({ view }), headers)).status).toBe(204);
    expect((await post(beacon({ view, kind: 'heartbeat', seconds: 7 }), headers)).status).toBe(204);
    expect((await post('{"camera":', headers)).status).toBe(400);
    expect({ views: await views(), seconds: await seconds(), badJson: await badJson() }).toEqual({ views: before.views + 1, seconds: before.seconds + 7, badJson: before.badJson + 1 });
  });

  it('flushes on SIGTERM, and a restart neither counts a view twice nor a visitor twice', async () => {
    await site.stop();
    site = await startSite(dir, { ...env, ANALYTICS_FLUSH_SECONDS: '60' });
    const view = newView();
    await post(beacon({ view }), { 'X-Forwarded-For': IPS[0]! });
    await post(beacon({ view, kind: 'heartbeat', seconds: 7 }), { 'X-Forwarded-For': IPS[0]! });
    const before = totalViews();
    const visitors = () => query<{ visitors: number }>('SELECT visitors FROM VisitorDay')[0]!.visitors;
    const visitorsBefore = visitors();
    expect(await site.stop('SIGTERM')).toBe(0);
    const flushed = totalViews();
    expect(flushed).toEqual({ v: before.v! + 1, s: before.s! + 7 }); // written at shutdown, not by the 60 s timer
    expect(visitors()).toBe(visitorsBefore); // IPS[0] with this UA was counted before the restart
    // A spoofed X-Forwarded-For from a peer that is not a trusted proxy is ignored: loopback → "--".
    site = await startSite(dir, { ...env, TRUSTED_PROXIES: '192.0.2.1' });
    await post(beacon({ view, kind: 'heartbeat', seconds: 6 }), { 'X-Forwarded-For': IPS[0]! });
    const again = newView();
    await post(beacon({ view: again, referrer: 'spoof.example' }), { 'X-Forwarded-For': IPS[0]! });
    await waitFor(() => totalViews().v === flushed.v! + 1 && totalViews().s === flushed.s! + 6, { what: 'the restarted site to flush' });
    expect(viewRows().find((row) => row.source === 'spoof.example')).toMatchObject({ country: '--', views: 1 });
    await waitFor(() => visitors() === visitorsBefore + 1, { what: 'the loopback visitor' }); // a new visitor: 127.0.0.1, not IPS[0]
  });

  it('leaves no test address, User-Agent or page-view id in any file, database included, nor in the log', async () => {
    await site.stop();
    const files: string[] = [];
    const walk = (path: string) => (statSync(path).isDirectory() ? readdirSync(path).forEach((name) => walk(join(path, name))) : files.push(path));
    walk(dir);
    expect(files.some((file) => file.endsWith('lookout.db'))).toBe(true);
    expect(files.some((file) => file.endsWith('site.log'))).toBe(true);
    for (const file of files) {
      if (file === config) continue;
      const bytes = readFileSync(file).toString('latin1');
      for (const needle of [...IPS, PROBE, 'Chrome/131', 'view0001', 'x'.repeat(20)]) expect(bytes.includes(needle), `${needle} in ${file}`).toBe(false);
    }
    expect(query<{ n: number }>('SELECT COUNT(*) n FROM VisitorSalt')[0]!.n).toBe(1);
  });
});
