import { createServer, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHeldLimit } from '../net/held-limit.ts';
import { createReloadFanout } from './reload-fanout.ts';

// A real origin that holds blocking reloads until told to answer, behind a real front server.
let origin: Server;
let front: Server;
let frontUrl: string;
const seen: string[] = [];
const held: ServerResponse[] = [];
const limit = createHeldLimit(5);

function listen(server: Server): Promise<string> {
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

beforeAll(async () => {
  origin = createServer((req, res) => {
    seen.push(req.url!);
    if (req.url!.includes('_HLS_msn')) return void held.push(res);
    res.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'public, max-age=1' }).end('#EXTM3U\nnow\n');
  });
  const serve = createReloadFanout(await listen(origin), limit);
  front = createServer((req, res) => void serve(req, res, req.url!, req.url!.split('?')[0]!));
  frontUrl = await listen(front);
});
afterAll(async () => {
  for (const server of [front, origin]) server.closeAllConnections();
  await Promise.all([front, origin].map((s) => new Promise((r) => s.close(r))));
});

describe('createReloadFanout', () => {
  it('sends one origin request for everyone waiting for N, and past the cap answers at once with the current playlist', async () => {
    const replies: string[] = [];
    const pending = Promise.all(Array.from({ length: 8 }, () => fetch(`${frontUrl}/hls/c/index.m3u8?_HLS_msn=7`).then(async (r) => void replies.push(`${r.status} ${await r.text()}`))));
    await expect.poll(() => replies.length).toBe(3); // 5 held, 3 past the cap
    expect(replies.every((r) => r === '200 #EXTM3U\nnow\n')).toBe(true);
    expect(limit.count()).toBe(5);
    expect(held).toHaveLength(1);
    held[0]!.writeHead(200, { 'Content-Type': 'application/vnd.apple.mpegurl', 'Cache-Control': 'public, max-age=1', 'Set-Cookie': 'x=1' }).end('#EXTM3U\nseven\n');
    await pending;
    expect(replies.filter((r) => r === '200 #EXTM3U\nseven\n')).toHaveLength(5);
    expect(seen.filter((url) => url === '/hls/c/index.m3u8?_HLS_msn=7')).toHaveLength(1);
    expect(limit.count()).toBe(0);
  });

  it('releases a held place when its viewer leaves, and still answers the others', async () => {
    held.length = 0;
    const leaving = new AbortController();
    const gone = fetch(`${frontUrl}/hls/c/index.m3u8?_HLS_msn=8`, { signal: leaving.signal }).catch(() => 'left');
    const staying = fetch(`${frontUrl}/hls/c/index.m3u8?_HLS_msn=8`).then((r) => r.text());
    await expect.poll(() => limit.count()).toBe(2);
    leaving.abort();
    expect(await gone).toBe('left');
    await expect.poll(() => limit.count()).toBe(1);
    held[0]!.writeHead(200).end('#EXTM3U\neight\n');
    expect(await staying).toBe('#EXTM3U\neight\n');
    expect(limit.count()).toBe(0);
  });
});
