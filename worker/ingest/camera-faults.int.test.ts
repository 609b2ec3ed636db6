import { describe, expect, it } from 'vitest';
import { startFaultRig, type FaultRig } from '../testing/fault-rig.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';

const SEGMENT_SECONDS = 2;

function eventsSince(rig: FaultRig, cameraId: string, kind: string, since: number) {
  return rig.events.filter((e) => e.cameraId === cameraId && e.kind === kind && e.at >= since);
}

function expectCleanReport(report: Awaited<ReturnType<FaultRig['stop']>> extends Map<string, infer R> ? R : never, id: string) {
  expect(report.violations, id).toEqual([]);
  expect(report.decodeFailures, id).toEqual([]);
}

describe('a camera that disconnects for 30 s', () => {
  it('goes offline within 2 × segment + 2 s and is back within 10 s of its return, over RTSP and raw TCP', async () => {
    const rig = await startFaultRig([
      { id: 'rtsp', source: (sim) => sim.rtspUrl },
      { id: 'raw', source: (sim) => sim.tcpUrl },
    ]);
    try {
      await waitFor(() => rig.state('rtsp') === 'live' && rig.state('raw') === 'live', { timeoutMs: 20_000, what: 'both cameras live' });
      const publishedSoFar = (id: string) => rig.samplers.get(id)!.current.published.length;
      const cut = Date.now();
      await rig.sim.setFault('disconnect', { durationMs: 30_000 });
      for (const id of ['rtsp', 'raw']) {
        const offline = await waitFor(() => eventsSince(rig, id, 'offline', cut)[0], { timeoutMs: 20_000, what: `${id} offline` });
        expect(offline.at - cut, `${id} offline after`).toBeLessThanOrEqual((2 * SEGMENT_SECONDS + 2) * 1000);
      }
      await waitFor(async () => (await rig.sim.stats()).rtsp.fault.mode === 'none', { timeoutMs: 40_000, what: 'the camera to come back' });
      const back = Date.now();
      const before = { rtsp: publishedSoFar('rtsp'), raw: publishedSoFar('raw') };
      for (const id of ['rtsp', 'raw'] as const) {
        const live = await waitFor(() => eventsSince(rig, id, 'live', back)[0], { timeoutMs: 20_000, what: `${id} live again` });
        expect(live.at - back, `${id} first segment after the return`).toBeLessThanOrEqual(10_000);
        // The player-facing view (sampled every 500 ms) shows the new run behind a discontinuity.
        const sampled = rig.samplers.get(id)!.current;
        await waitFor(() => sampled.published.length > before[id] && sampled.latest?.segments.at(-1)?.name === sampled.published.at(-1), { timeoutMs: 5000, what: `${id} sampled` });
        expect(sampled.latest!.segments.some((s) => s.discontinuity) || sampled.latest!.discontinuitySequence > 0, `${id} discontinuity`).toBe(true);
      }
      await waitFor(() => ['rtsp', 'raw'].every((id) => rig.samplers.get(id)!.current.versions > 5), { what: 'more playlist versions' });
    } finally {
      const reports = await rig.stop();
      for (const [id, report] of reports) expectCleanReport(report, id);
    }
  });
});

describe('a camera that stalls (socket open, no data)', () => {
  it('is detected by the watchdog, restarted, and live again once data flows, over RTSP and raw TCP', async () => {
    const rig = await startFaultRig([
      { id: 'rtsp', source: (sim) => sim.rtspUrl },
      { id: 'raw', source: (sim) => sim.tcpUrl },
    ]);
    const ids = ['rtsp', 'raw'] as const;
    try {
      await waitFor(() => ids.every((id) => rig.state(id) === 'live'), { timeoutMs: 20_000, what: 'live' });
      const stalledAt = Date.now();
      await rig.sim.setFault('stall');
      for (const id of ids) {
        const stalled = await waitFor(() => eventsSince(rig, id, 'stalled', stalledAt)[0], { timeoutMs: 15_000, what: `${id} stall detected` });
        expect(stalled.at - stalledAt, id).toBeLessThanOrEqual((2 * SEGMENT_SECONDS + 3) * 1000);
        await waitFor(() => eventsSince(rig, id, 'restarted', stalledAt).length > 0, { timeoutMs: 10_000, what: `${id} restart` });
        await waitFor(() => rig.state(id) === 'offline', { timeoutMs: 10_000, what: `${id} offline while stalled` });
      }
      const resumed = Date.now();
      await rig.sim.setFault('none');
      for (const id of ids) await waitFor(() => eventsSince(rig, id, 'live', resumed).length > 0, { timeoutMs: 25_000, what: `${id} live again` });
    } finally {
      const reports = await rig.stop();
      for (const id of ids) expectCleanReport(reports.get(id)!, id);
    }
  });
});

describe('a camera that refuses connections at start', () => {
  it('backs off instead of busy-looping, says why, and comes up when the camera does', async () => {
    const rig = await startFaultRig([{ id: 'rtsp', source: (sim) => sim.rtspUrl }], { beforeWorker: (sim) => sim.setFault('refuse') });
    try {
      const started = Date.now();
      await waitFor(() => rig.state('rtsp') === 'offline', { timeoutMs: 10_000, what: 'offline' });
      expect(rig.worker.health.hint('rtsp')).toMatch(/connection refused/);
      await new Promise((resolve) => setTimeout(resolve, 20_000 - (Date.now() - started)));
      const restarts = eventsSince(rig, 'rtsp', 'restarted', started).length;
      console.log(`refused camera: ${restarts} restarts in 20 s`);
      // Backoff 0, 1, 2, 4, 8 s…: about 5 in 20 s; a busy loop would make hundreds.
      expect(restarts).toBeGreaterThanOrEqual(3);
      expect(restarts).toBeLessThanOrEqual(7);
      await rig.sim.setFault('none');
      await waitFor(() => rig.state('rtsp') === 'live', { timeoutMs: 30_000, what: 'live once the camera accepts' });
    } finally {
      expectCleanReport((await rig.stop()).get('rtsp')!, 'rtsp');
    }
  });
});
