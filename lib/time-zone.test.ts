import { describe, expect, it } from 'vitest';
import { getLocalMidnight, getMidnightOfLocalDate, getZoneOffsetMs, toLocalTime } from './time-zone.ts';

describe('time zones', () => {
  it('follows Zurich across the spring DST change', () => {
    expect(getZoneOffsetMs(Date.parse('2026-03-29T00:30:00Z'), 'Europe/Zurich')).toBe(3_600_000);
    expect(getZoneOffsetMs(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Zurich')).toBe(7_200_000);
    expect(toLocalTime(Date.parse('2026-03-29T00:59:00Z'), 'Europe/Zurich').hour).toBe(1);
    expect(toLocalTime(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Zurich').hour).toBe(3);
  });
  it('names weekdays from Monday and dates in local time', () => {
    const t = toLocalTime(Date.parse('2026-11-29T23:30:00Z'), 'Europe/Zurich'); // Monday 00:30 local
    expect(t).toMatchObject({ date: '2026-11-30', weekday: 0, hour: 0 });
    expect(toLocalTime(Date.parse('2026-11-30T02:00:00Z'), 'America/New_York')).toMatchObject({ date: '2026-11-29', weekday: 6, hour: 21 });
  });
  it('finds local midnight, also on the day the clocks change', () => {
    expect(new Date(getLocalMidnight(Date.parse('2026-03-29T12:00:00Z'), 'Europe/Zurich')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(getLocalMidnight(Date.parse('2026-03-30T12:00:00Z'), 'Europe/Zurich')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(getLocalMidnight(Date.parse('2026-03-30T12:00:00Z'), 'Europe/Zurich', 1)).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(getLocalMidnight(Date.parse('2026-06-01T12:00:00Z'), 'Asia/Kolkata')).toISOString()).toBe('2026-05-31T18:30:00.000Z');
    expect(new Date(getMidnightOfLocalDate('2026-03-30', 'Europe/Zurich')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(new Date(getMidnightOfLocalDate('2026-01-01', 'Pacific/Kiritimati')).toISOString()).toBe('2025-12-31T10:00:00.000Z');
  });
});
