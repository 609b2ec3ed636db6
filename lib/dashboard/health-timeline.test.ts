import { describe, expect, it } from 'vitest';
import { generateDemoHealthEvents } from './demo-health-events.ts';
import { fitSpansToColumns } from './health-timeline.ts';
import type { StreamSpan, StreamState } from '../queries/analytics/get-stream-health.ts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

// Spans as getStreamHealth builds them from a list of state changes.
function spansOf(changes: [number, StreamState][], to: number): StreamSpan[] {
  return changes.map(([at, state], i) => ({ from: at, to: changes[i + 1]?.[0] ?? to, state }));
}

function timeIn(spans: StreamSpan[], state: StreamState): number {
  return spans.filter((s) => s.state === state).reduce((sum, s) => sum + s.to - s.from, 0);
}

describe('fitSpansToColumns', () => {
  it('keeps a short range as it is, snapped to its columns', () => {
    const spans = spansOf([[0, 'live'], [10 * HOUR, 'offline'], [12 * HOUR, 'live']], DAY);
    expect(fitSpansToColumns(spans, 0, DAY, { columns: 24 })).toEqual(spans);
    // 1000 columns of 86.4 s: the outage's edges move by less than one column.
    const fine = fitSpansToColumns(spans, 0, DAY);
    expect(fine.map((s) => s.state)).toEqual(['live', 'offline', 'live']);
    expect(Math.abs(fine[1]!.from - 10 * HOUR)).toBeLessThan(86_400);
    expect(Math.abs(fine[1]!.to - 12 * HOUR)).toBeLessThan(86_400);
  });

  it('shows a reconnect of a minute in a day, not in a year', () => {
    const blip = spansOf([[0, 'live'], [5 * HOUR, 'reconnecting'], [5 * HOUR + MIN, 'live']], DAY);
    expect(fitSpansToColumns(blip, 0, DAY).map((s) => s.state)).toEqual(['live', 'reconnecting', 'live']);
    const year = 365 * DAY;
    const inYear = spansOf([[0, 'live'], [100 * DAY, 'reconnecting'], [100 * DAY + MIN, 'live']], year);
    expect(fitSpansToColumns(inYear, 0, year)).toEqual([{ from: 0, to: year, state: 'live' }]);
  });

  it('keeps an hour-long outage visible over a year, as the worse state of its column', () => {
    const year = 365 * DAY;
    const spans = spansOf([[0, 'live'], [200 * DAY, 'reconnecting'], [200 * DAY + 10 * MIN, 'offline'], [200 * DAY + 70 * MIN, 'live']], year);
    const fitted = fitSpansToColumns(spans, 0, year);
    expect(fitted.map((s) => s.state)).toEqual(['live', 'offline', 'live']);
    expect(fitted[1]!.from).toBeLessThan(200 * DAY + 70 * MIN); // it overlaps the outage
    expect(fitted[1]!.to).toBeGreaterThan(200 * DAY + 10 * MIN);
    expect(fitted[1]!.to - fitted[1]!.from).toBeLessThanOrEqual(2 * (year / 1000));
  });

  it('leaves columns with no known state empty, and an empty range empty', () => {
    const spans = spansOf([[6 * HOUR, 'live']], 12 * HOUR); // known from 06:00 to 12:00 only
    expect(fitSpansToColumns(spans, 0, DAY, { columns: 24 })).toEqual([{ from: 6 * HOUR, to: 12 * HOUR, state: 'live' }]);
    expect(fitSpansToColumns([], 0, DAY)).toEqual([]);
    expect(fitSpansToColumns(spans, DAY, DAY)).toEqual([]);
  });

  it('picks the most common state when no bad state reaches the share', () => {
    const spans = spansOf([[0, 'reconnecting'], [HOUR - 2 * MIN, 'offline'], [HOUR - MIN, 'live']], HOUR); // 58 min reconnecting
    expect(fitSpansToColumns(spans, 0, HOUR, { columns: 1, minShare: 0.5 })).toEqual([{ from: 0, to: HOUR, state: 'reconnecting' }]);
    expect(fitSpansToColumns(spans, 0, HOUR, { columns: 1, minShare: 0.01 })).toEqual([{ from: 0, to: HOUR, state: 'offline' }]);
  });

  it('draws a demo year of ~800 spans in a few dozen, with every outage of an hour or more', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = from + 365 * DAY;
    const events = generateDemoHealthEvents('roof', from, to);
    const state = { live: 'live', reconnecting: 'reconnecting', offline: 'offline' } as Record<string, StreamState>;
    const changes: [number, StreamState][] = events.filter((e) => state[e.kind]).map((e) => [e.at.getTime(), state[e.kind]!]);
    const spans = spansOf(changes, to);
    expect(spans.length).toBeGreaterThan(600);
    const fitted = fitSpansToColumns(spans, from, to);
    expect(fitted.length).toBeLessThan(100);
    for (const outage of spans.filter((s) => s.state === 'offline' && s.to - s.from >= HOUR)) {
      expect(fitted.some((f) => f.state === 'offline' && f.from < outage.to && f.to > outage.from), `outage at ${new Date(outage.from).toISOString()}`).toBe(true);
    }
    // Nearly a year live, as the real share is (the minute-long reconnects are < 1 %).
    expect(timeIn(fitted, 'live') / (to - from)).toBeGreaterThan(0.9);
  });
});
