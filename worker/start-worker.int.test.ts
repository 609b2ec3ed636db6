import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../lib/config/load-config.ts';
import { parsePlaylist, type ParsedPlaylist } from '../lib/hls/parse-playlist.ts';
import { decodeErrors, processesMatching } from '../lib/testing/ffmpeg.ts';
import { waitFor } from '../lib/testing/wait-for.ts';
import { startWorker, type RunningWorker } from './start-worker.ts';

let worker: RunningWorker;
let dataDir: string;
const events: { kind: string; detail: string }[] = [];

async function getPlaylist(): Promise<ParsedPlaylist | undefined> {
  const response = await fetch(`${worker.originUrl}/hls/test/index.m3u8`);
  return response.ok ? parsePlaylist(await response.text()) : undefined;
}

function rawGet(path: string): Promise<number> {
  const { port } = new URL(worker.originUrl);
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lookout-worker-'));
  await writeFile(join(dataDir, 'secret.txt'), 'do not serve');
  worker = await startWorker({ config: parseConfig(undefined), dataDir, ffmpegPath: 'ffmpeg', originHost: '127.0.0.1', originPort: 0, recordEvent: (e) => events.push(e) });
});

afterAll(async () => {
  await worker?.stop();
});

describe('worker with the built-in test camera', () => {
  it('publishes a playlist and decodable segments within 15 s', async () => {
    const playlist = await waitFor(async () => ((await getPlaylist())?.segments.length ?? 0) >= 2 && getPlaylist(), { timeoutMs: 15_000, what: 'two segments' });
    expect(playlist.targetDuration).toBe(2);
    expect(playlist.endList).toBe(false);
    const name = playlist.segments[0]!.name;
    const response = await fetch(`${worker.originUrl}/hls/test/${name}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('video/mp2t');
    expect(response.headers.get('set-cookie')).toBeNull();
    const file = join(dataDir, 'segment-copy.ts');
    await writeFile(file, Buffer.from(await response.arrayBuffer()));
    expect(await decodeErrors(file)).toEqual([]);
    const playlistResponse = await fetch(`${worker.originUrl}/hls/test/index.m3u8`);
    expect(playlistResponse.headers.get('cache-control')).toBe('public, max-age=1');
    expect(playlistResponse.headers.get('content-type')).toBe('application/vnd.apple.mpegurl');
    expect(worker.health.snapshot().cameras[0]).toMatchObject({ id: 'test', state: 'live' });
    expect(events.map((e) => e.kind)).toEqual(expect.arrayContaining(['starting', 'live']));
  });

  it('refuses traversal with a 400, and unknown cameras and other files with a bare 404', async () => {
    for (const path of ['/hls/test/../../secret.txt', '/hls/test/%2e%2e/%2e%2e/secret.txt', '/hls/../secret.txt']) expect(await rawGet(path), path).toBe(400);
    for (const path of ['/hls/test/index.m3u8.tmp', '/hls/nope/index.m3u8', '/secret.txt', '/hls/test/x.mp4']) expect(await rawGet(path), path).toBe(404);
    const response = await fetch(`${worker.originUrl}/hls/test/missing.ts`);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Not found' } });
    expect(response.headers.get('cache-control')).toBe('public, max-age=1');
    expect((await fetch(`${worker.originUrl}/hls/test/index.m3u8`, { method: 'POST' })).status).toBe(405);
  });

  it('restarts ffmpeg when it is killed, with a discontinuity and a rising sequence', async () => {
    const before = (await getPlaylist())!;
    const pid = Number(readFileSync(join(dataDir, 'run', 'test.pid'), 'utf8'));
    process.kill(pid, 'SIGKILL');
    const after = await waitFor(
      async () => {
        const p = await getPlaylist();
        return p?.segments.some((s) => s.discontinuity) && p.segments.filter((s) => s.discontinuity).length > 0 && p.segments.at(-1)!.discontinuity === false && p;
      },
      { timeoutMs: 20_000, what: 'segments from the restarted ffmpeg' },
    );
    expect(after.mediaSequence).toBeGreaterThanOrEqual(before.mediaSequence);
    const names = after.segments.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    const runs = new Set(names.map((n) => n.split('-')[0]));
    expect(runs.size).toBeGreaterThanOrEqual(2); // a new run id: names from before can never be reused
    expect(events.some((e) => e.kind === 'restarted')).toBe(true);
    expect(Number(readFileSync(join(dataDir, 'run', 'test.pid'), 'utf8'))).not.toBe(pid);
  });

  it('leaves no ffmpeg behind when stopped', async () => {
    await worker.stop();
    expect(processesMatching(join(dataDir, 'staging'))).toEqual([]);
  });
});
