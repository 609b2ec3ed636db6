import { describe, expect, it } from 'vitest';
import { getSunTimes } from './sun.ts';

function hhmm(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

function minutesBetween(a: string, b: string): number {
  const toMin = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
  return Math.abs(toMin(a) - toMin(b));
}

// Published almanac times (timeanddate.com / NOAA calculator), local time.
const CASES: [string, number, number, string, string, string][] = [
  ['London, equinox', 51.5074, -0.1278, '2024-03-20', '06:03', '18:14'],
  ['Zurich, midsummer', 47.3769, 8.5417, '2026-06-21', '05:29', '21:26'],
  ['Sydney, midwinter', -33.8688, 151.2093, '2026-06-21', '07:00', '16:54'],
  ['New York, winter', 40.7128, -74.006, '2026-12-21', '07:16', '16:32'],
];
const ZONES: Record<string, string> = { London: 'Europe/London', Zurich: 'Europe/Zurich', Sydney: 'Australia/Sydney', 'New York': 'America/New_York' };

describe('getSunTimes', () => {
  it.each(CASES)('%s', (label, lat, lon, day, sunrise, sunset) => {
    const zone = ZONES[label.split(',')[0]!]!;
    const times = getSunTimes(new Date(`${day}T12:00:00Z`), lat, lon);
    if (!('sunrise' in times)) throw new Error('expected a sunrise');
    expect(minutesBetween(hhmm(times.sunrise, zone), sunrise)).toBeLessThanOrEqual(2);
    expect(minutesBetween(hhmm(times.sunset, zone), sunset)).toBeLessThanOrEqual(2);
  });

  it('knows the midnight sun and the polar night', () => {
    expect(getSunTimes(new Date('2026-06-21T12:00:00Z'), 69.6492, 18.9553)).toEqual({ polar: 'day' });
    expect(getSunTimes(new Date('2026-12-21T12:00:00Z'), 69.6492, 18.9553)).toEqual({ polar: 'night' });
  });
});
