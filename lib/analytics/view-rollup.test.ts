import { describe, expect, it } from 'vitest';
import { ViewRollup } from './view-rollup.ts';

const dims = { cameraId: 'roof', country: 'CH', device: 'desktop', source: 'direct' };
const at = (iso: string) => new Date(iso).getTime();

describe('ViewRollup', () => {
  it('spreads watch seconds over the UTC hours they were watched in', () => {
    const rollup = new ViewRollup();
    rollup.addView(dims, at('2026-11-30T09:59:40Z'));
    rollup.addWatchSeconds(dims, 50, at('2026-11-30T10:00:30Z')); // 20 s before 10:00, 30 s after
    const batch = rollup.drain();
    expect(batch.views.map((r) => [r.hour.toISOString(), r.views, r.watchSeconds]).sort()).toEqual([
      ['2026-11-30T09:00:00.000Z', 1, 20],
      ['2026-11-30T10:00:00.000Z', 0, 30],
    ]);
    expect(batch.viewHours.map((r) => [r.hour.toISOString(), r.views, r.watchSeconds]).sort()).toEqual([
      ['2026-11-30T09:00:00.000Z', 1, 20],
      ['2026-11-30T10:00:00.000Z', 0, 30],
    ]);
  });

  it('gives 8 hours of a Smart TV to 8 hour rows, one view', () => {
    const rollup = new ViewRollup();
    const tv = { ...dims, device: 'smart-tv' };
    const start = at('2026-11-30T09:00:00Z');
    rollup.addView(tv, start);
    for (let t = start + 30_000; t <= start + 8 * 3600_000; t += 30_000) rollup.addWatchSeconds(tv, 30, t);
    const { viewHours } = rollup.drain();
    expect(viewHours).toHaveLength(8);
    expect(viewHours.every((row) => row.watchSeconds === 3600)).toBe(true);
    expect(viewHours.reduce((sum, row) => sum + row.views, 0)).toBe(1);
  });

  it('an hour boundary exactly at the end of a beacon lands in the hour before', () => {
    const rollup = new ViewRollup();
    rollup.addWatchSeconds(dims, 30, at('2026-11-30T10:00:00Z'));
    expect(rollup.drain().views.map((r) => r.hour.toISOString())).toEqual(['2026-11-30T09:00:00.000Z']);
  });

  it('drains to empty, and a restored batch adds to what came in meanwhile', () => {
    const rollup = new ViewRollup();
    rollup.addView(dims, at('2026-11-30T09:10:00Z'));
    rollup.addPreviewFetches({ cameraId: 'roof', hour: new Date('2026-11-30T09:00:00Z'), portal: 'windy', via: 'edge', fetches: 2 });
    const failed = rollup.drain();
    expect(rollup.drain().views).toEqual([]);
    rollup.addView(dims, at('2026-11-30T09:20:00Z'));
    rollup.restore(failed);
    const batch = rollup.drain();
    expect(batch.views[0]).toMatchObject({ views: 2 });
    expect(batch.previewFetches[0]).toMatchObject({ portal: 'windy', fetches: 2 });
  });
});
