import { expect, it } from 'vitest';
import { recordHealthEvent } from '../health-events.ts';
import { describeEachDatabase } from '../testing/test-database.ts';
import { getStreamHealth } from './get-stream-health.ts';

const ms = (iso: string) => Date.parse(iso);
// Zurich's local 29 and 30 March 2026; the 29th is 23 hours long (DST starts).
const RANGE = { cameraId: 'roof', from: new Date('2026-03-28T23:00Z'), to: new Date('2026-03-30T22:00Z'), timeZone: 'Europe/Zurich' };

describeEachDatabase('stream health', () => {
  it('turns health events into a timeline, counts and uptime per local day', async () => {
    const events = [
      ['2026-03-28T20:00Z', 'live', ''],
      ['2026-03-29T05:00Z', 'dropped', 'corrupt segment'],
      ['2026-03-29T10:00Z', 'reconnecting', 'wrong camera password'],
      ['2026-03-29T10:00:30Z', 'restarted', ''],
      ['2026-03-29T11:00Z', 'live', ''],
      ['2026-03-30T12:00Z', 'offline', 'camera unreachable'],
      ['2026-03-31T08:00Z', 'live', ''], // after the range
    ] as const;
    for (const [at, kind, detail] of events) await recordHealthEvent({ cameraId: 'roof', kind: kind as 'live', detail, at: new Date(at) });
    await recordHealthEvent({ cameraId: 'other', kind: 'offline', detail: 'x', at: new Date('2026-03-29T09:00Z') });
    const health = await getStreamHealth(RANGE, ms('2026-04-02T00:00Z'));
    expect(health.spans).toEqual([
      { from: ms('2026-03-28T23:00Z'), to: ms('2026-03-29T10:00Z'), state: 'live' },
      { from: ms('2026-03-29T10:00Z'), to: ms('2026-03-29T11:00Z'), state: 'reconnecting' },
      { from: ms('2026-03-29T11:00Z'), to: ms('2026-03-30T12:00Z'), state: 'live' },
      { from: ms('2026-03-30T12:00Z'), to: ms('2026-03-30T22:00Z'), state: 'offline' },
    ]);
    expect(health.restarts).toBe(1);
    expect(health.dropped).toBe(1);
    expect(health.uptimeByDay.map((d) => [d.date, d.uptimePercent?.toFixed(3)])).toEqual([
      ['2026-03-29', ((100 * 22) / 23).toFixed(3)],
      ['2026-03-30', ((100 * 14) / 24).toFixed(3)],
    ]);
    expect(health.latestHint).toEqual({ at: ms('2026-03-30T12:00Z'), kind: 'offline', detail: 'camera unreachable' });
  });

  it('gives each day of a longer range its own uptime, with spans across midnights and days of no change', async () => {
    // UTC here: local days are UTC days. Live from the 1st, offline from 12:00 on the 3rd until
    // 12:00 on the 4th, then live, a one-hour reconnect on the 6th; nothing known on the 1st before 06:00.
    const changes = [['2026-06-01T06:00Z', 'live'], ['2026-06-03T12:00Z', 'offline'], ['2026-06-04T12:00Z', 'live'], ['2026-06-06T03:00Z', 'reconnecting'], ['2026-06-06T04:00Z', 'live']] as const;
    for (const [at, kind] of changes) await recordHealthEvent({ cameraId: 'long', kind, detail: '', at: new Date(at) });
    const health = await getStreamHealth({ cameraId: 'long', from: new Date('2026-06-01T00:00Z'), to: new Date('2026-06-08T00:00Z'), timeZone: 'UTC' }, ms('2026-06-09T00:00Z'));
    expect(health.uptimeByDay.map((d) => [d.date, d.uptimePercent?.toFixed(2)])).toEqual([
      ['2026-06-01', '100.00'],
      ['2026-06-02', '100.00'],
      ['2026-06-03', '50.00'],
      ['2026-06-04', '50.00'],
      ['2026-06-05', '100.00'],
      ['2026-06-06', ((100 * 23) / 24).toFixed(2)],
      ['2026-06-07', '100.00'],
    ]);
  });

  it('knows nothing before the first event and stops at now', async () => {
    const health = await getStreamHealth({ ...RANGE, cameraId: 'new' }, ms('2026-03-30T00:00Z'));
    expect(health).toEqual({ spans: [], restarts: 0, dropped: 0, uptimeByDay: [{ date: '2026-03-29', uptimePercent: null }, { date: '2026-03-30', uptimePercent: null }], latestHint: null });
  });
});
