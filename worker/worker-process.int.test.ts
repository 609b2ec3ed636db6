import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../lib/config/load-config.ts';
import { parsePlaylist } from '../lib/hls/parse-playlist.ts';
import { processesMatching } from '../lib/testing/ffmpeg.ts';
import { waitFor } from '../lib/testing/wait-for.ts';
import { exited, freePort } from '../lib/testing/child-process.ts';
import { spawnWorker } from './testing/worker-process.ts';
import { startWorker } from './start-worker.ts';

async function playlistAt(port: number) {
  const response = await fetch(`http://127.0.0.1:${port}/hls/test/index.m3u8`).catch(() => undefined);
  return response?.ok ? parsePlaylist(await response.text()) : undefined;
}

describe('the worker process', () => {
  it('takes its ffmpeg with it when SIGKILLed, and continues the playlist when started again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-kill-'));
    const port = await freePort();
    const env = { LOOKOUT_DATA_DIR: join(dir, 'data'), ORIGIN_PORT: String(port), LOOKOUT_CONFIG: join(dir, 'none.json') };
    const staging = join(dir, 'data', 'staging');

    const first = spawnWorker(env);
    const before = await waitFor(async () => ((await playlistAt(port))?.segments.length ?? 0) >= 2 && playlistAt(port), { timeoutMs: 20_000, what: 'first worker segments' });
    // The ingest ffmpeg (an integrity check of a finished segment may be running beside it).
    expect(processesMatching(staging).filter((p) => p.cmdline.includes(' -f segment '))).toHaveLength(1);
    first.child.kill('SIGKILL');
    await exited(first.child);
    await waitFor(() => processesMatching(staging).length === 0, { timeoutMs: 3000, what: 'ffmpeg to die with the worker' });

    const second = spawnWorker(env);
    try {
      const after = await waitFor(
        async () => {
          const p = await playlistAt(port);
          return p && p.segments.some((s) => !before.segments.some((b) => b.name.split('-')[0] === s.name.split('-')[0])) && p;
        },
        { timeoutMs: 20_000, what: 'segments from the second worker' },
      );
      expect(after.mediaSequence).toBeGreaterThanOrEqual(before.mediaSequence);
      const names = [...before.segments, ...after.segments].map((s) => s.name);
      const byName = new Map(before.segments.map((s) => [s.name, s.programDateTime]));
      // A name seen in both lists must be the same segment (same time), never a reused name.
      for (const s of after.segments) if (byName.has(s.name)) expect(s.programDateTime).toBe(byName.get(s.name));
      expect(new Set(names).size).toBeGreaterThan(before.segments.length);
      const firstNew = after.segments.find((s) => !byName.has(s.name))!;
      expect(firstNew.discontinuity).toBe(true);
      // The journal survived the SIGKILL: one sequence across both runs, no gap, no repeat.
      const journal = (await (await fetch(`http://127.0.0.1:${port}/events?limit=1000`)).json()) as { events: { seq: number; kind: string }[] };
      expect(journal.events.map((e) => e.seq)).toEqual(journal.events.map((_, i) => i + 1));
      expect(journal.events.filter((e) => e.kind === 'starting').length).toBeGreaterThanOrEqual(2);
    } finally {
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);
    }
    expect(processesMatching(staging)).toEqual([]);
    expect(second.output()).not.toMatch(/error/i);
  });

  it('leaves no ffmpeg behind after 50 start/stop cycles', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lookout-cycles-'));
    writeFileSync(join(dataDir, 'marker'), '');
    for (let i = 0; i < 50; i++) {
      const worker = await startWorker({ config: parseConfig(undefined), dataDir, ffmpegPath: 'ffmpeg', originHost: '127.0.0.1', originPort: 0, recordEvent: () => {} });
      await worker.stop();
    }
    expect(processesMatching(join(dataDir, 'staging'))).toEqual([]);
  });
});
