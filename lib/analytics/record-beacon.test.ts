import { describe, expect, it } from 'vitest';
import { PageViewTable } from './page-views.ts';
import { recordBeacon } from './record-beacon.ts';
import { ViewRollup } from './view-rollup.ts';
import { countViewersNow } from './viewers-now.ts';
import { VisitorCounter } from './visitor-counter.ts';

const dims = { cameraId: 'roof', country: 'CH', device: 'desktop', source: 'direct' };
const t0 = new Date('2026-11-30T12:00:00Z').getTime();
const beacon = (kind: 'start' | 'heartbeat' | 'end', seconds: number, view = 'a'.repeat(32)) => ({ camera: 'roof', view, kind, seconds, mode: 'page' as const, referrer: '' });
const fresh = () => ({ rollup: new ViewRollup(), pageViews: new PageViewTable(), visitors: new VisitorCounter() });
const context = (at: number) => ({ dims, address: '203.0.113.9', userAgent: 'UA', at });
const totals = (rollup: ViewRollup) => rollup.drain().viewHours.reduce((sum, r) => ({ views: sum.views + r.views, seconds: sum.seconds + r.watchSeconds }), { views: 0, seconds: 0 });

describe('recordBeacon', () => {
  it('counts a view once, and its seconds from every beacon', () => {
    const tables = fresh();
    recordBeacon(beacon('start', 0), context(t0), tables);
    recordBeacon(beacon('start', 0), context(t0 + 1000), tables); // a duplicate start
    recordBeacon(beacon('heartbeat', 30), context(t0 + 31_000), tables);
    recordBeacon(beacon('end', 12), context(t0 + 43_000), tables);
    expect(totals(tables.rollup)).toEqual({ views: 1, seconds: 42 });
    expect(tables.pageViews.size).toBe(0);
  });

  it('after a restart, a heartbeat for an unknown page view adds seconds but no view', () => {
    const tables = fresh();
    recordBeacon(beacon('heartbeat', 30), context(t0), tables);
    recordBeacon(beacon('heartbeat', 30), context(t0 + 30_000), tables);
    expect(totals(tables.rollup)).toEqual({ views: 0, seconds: 60 });
  });

  it('caps what a beacon claims: 60 s at most, and no more than the time since the last one', () => {
    const tables = fresh();
    recordBeacon(beacon('start', 0), context(t0), tables);
    recordBeacon(beacon('heartbeat', 3600), context(t0 + 30_000), tables);
    recordBeacon(beacon('heartbeat', 60), context(t0 + 31_000), tables);
    expect(totals(tables.rollup)).toEqual({ views: 1, seconds: 40 + 11 }); // elapsed plus 10 s of slack for network delay
  });

  it('keeps viewers-now in step: start and heartbeat touch, end forgets', () => {
    const tables = fresh();
    const view = 'b'.repeat(32);
    const before = countViewersNow('roof', t0);
    recordBeacon(beacon('start', 0, view), context(t0), tables);
    expect(countViewersNow('roof', t0)).toBe(before + 1);
    recordBeacon(beacon('end', 5, view), context(t0 + 5000), tables);
    expect(countViewersNow('roof', t0 + 5000)).toBe(before);
  });
});
