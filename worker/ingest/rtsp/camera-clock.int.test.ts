import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../lib/config/load-config.ts';
import { createLogger } from '../../../lib/log.ts';
import { waitFor } from '../../../lib/testing/wait-for.ts';
import { spawnSimulator, type SimulatorProcess } from '../../testing/simulator-process.ts';
import { buildIngestArgs } from '../build-ingest-args.ts';
import { IngestRun } from '../ingest-run.ts';

// The camera's RTCP sender reports through the real path: simulator → RtspSource → FLV →
// ffmpeg's segment list → the feed's date for each listed segment.
const SEGMENTS = 4;
const log = createLogger('camera-clock-test');
let dir: string;
const sims: SimulatorProcess[] = [];

type Listed = { start: number; end: number; announcedAt: number; dated: { wallMs: number; camera: boolean } | undefined };

async function ingestSegments(sim: SimulatorProcess): Promise<{ listed: Listed[]; run: IngestRun }> {
  const camera = parseConfig({ cameras: [{ id: 'cam', name: 'Cam', source: sim.rtspUrl, segmentSeconds: 1 }] }).cameras[0]!;
  const listed: Listed[] = [];
  const run: IngestRun = new IngestRun(camera, 'ffmpeg', buildIngestArgs(camera, { stagingDir: dir, runId: `clock${sims.indexOf(sim)}` }), {
    onStdout: (line) => {
      const [, start, end] = line.split(',').map(Number);
      listed.push({ start: start!, end: end!, announcedAt: Date.now(), dated: run.feed!.segmentStart(start!) });
    },
    onStderr: () => {},
    onSourceHint: () => {},
  }, log);
  await waitFor(() => listed.length > SEGMENTS, { timeoutMs: 30_000, what: `${SEGMENTS + 1} segments` });
  await run.stop('expected');
  return { listed, run };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lookout-camera-clock-'));
  sims.push(await spawnSimulator({ width: 320, height: 240, bitrateKbps: 300, bFrames: 2 }));
  sims.push(await spawnSimulator({ width: 320, height: 240, bitrateKbps: 300, clockOffsetMs: -3 * 3600_000 }));
});
afterAll(async () => {
  await Promise.all(sims.map((sim) => sim.stop()));
  await rm(dir, { recursive: true, force: true });
});

describe('segment dates from the camera clock (RTCP sender reports)', () => {
  it('dates every segment by the capture time of its keyframe, spaced exactly as the camera clock', async () => {
    const { listed, run } = await ingestSegments(sims[0]!);
    expect(run.feed!.stats.summary().cameraClock).toMatchObject({ used: true });
    expect(Math.abs(run.feed!.stats.summary().cameraClock!.offsetMs)).toBeLessThan(500);
    for (const segment of listed) {
      expect(segment.dated?.camera).toBe(true);
      // Captured before ffmpeg announced it, and not long before (it is live).
      const lead = segment.announcedAt - segment.dated!.wallMs - (segment.end - segment.start) * 1000;
      expect(lead).toBeGreaterThan(-100);
      expect(lead).toBeLessThan(1500);
    }
    // Arrival times jitter by the encoder's and the socket's bursts; the camera's clock does
    // not. (ffmpeg lists the first segment as starting at its first DTS, 0, two B-frame
    // slots before its keyframe's PTS: the steps are compared from the second on.)
    for (let i = 2; i < listed.length; i++) {
      const wallStep = listed[i]!.dated!.wallMs - listed[i - 1]!.dated!.wallMs;
      expect(Math.abs(wallStep - (listed[i]!.start - listed[i - 1]!.start) * 1000)).toBeLessThanOrEqual(1);
    }
  });

  it('reports a camera clock three hours off and dates segments by arrival instead', async () => {
    const { listed, run } = await ingestSegments(sims[1]!);
    const clock = run.feed!.stats.summary().cameraClock!;
    expect(clock.used).toBe(false);
    expect(Math.abs(clock.offsetMs + 3 * 3600_000)).toBeLessThan(1000);
    for (const segment of listed) {
      expect(segment.dated?.camera).toBe(false);
      expect(Math.abs(segment.announcedAt - segment.dated!.wallMs)).toBeLessThan(3000);
    }
  });
});
