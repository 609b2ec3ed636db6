import { describe, expect, it } from 'vitest';
import { startFaultRig } from '../../lib/testing/fault-rig.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';

// Every camera has its own supervisor, ffmpeg and publisher: one going through every kind
// of failure must not cost the others a single segment.
describe('three cameras, one faulty', () => {
  it('the two healthy cameras never miss a segment', async () => {
    const rig = await startFaultRig([
      { id: 'north', source: (sim) => sim.rtspUrl },
      { id: 'south', source: (sim) => sim.rtspUrl },
      { id: 'faulty', source: (sim) => sim.tcpUrl },
    ]);
    let reports;
    try {
      await waitFor(() => ['north', 'south', 'faulty'].every((id) => rig.state(id) === 'live'), { timeoutMs: 45_000, what: 'all three live' });
      const start = Date.now();
      for (const mode of ['lost-bytes', 'disconnect', 'stall'] as const) {
        await rig.sim.setFault(mode, { server: 'tcp', meanIntervalMs: 1000 });
        await new Promise((resolve) => setTimeout(resolve, 10_000));
      }
      await rig.sim.setFault('none', { server: 'tcp' });
      expect(rig.events.some((e) => e.cameraId === 'faulty' && e.at >= start && e.kind !== 'live')).toBe(true);
      for (const id of ['north', 'south']) {
        const troubles = rig.events.filter((e) => e.cameraId === id && e.at >= start && e.kind !== 'live');
        expect(troubles, id).toEqual([]);
      }
    } finally {
      reports = await rig.stop();
    }
    for (const id of ['north', 'south']) {
      const report = reports.get(id)!;
      expect(report.violations, id).toEqual([]);
      expect(report.decodeFailures, id).toEqual([]);
      const segments = report.latest!.segments;
      // No gap: after the first, every segment follows the previous one without a break.
      expect(segments.slice(1).filter((s) => s.discontinuity), id).toEqual([]);
      expect(report.discontinuities, id).toBe(0);
      expect(report.published.length, id).toBeGreaterThanOrEqual(14);
    }
  });
});
