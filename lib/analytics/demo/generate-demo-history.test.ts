import { describe, expect, it } from 'vitest';
import { getSunTimes } from '../../sun.ts';
import { HOUR_MS, toLocalTime } from '../../time-zone.ts';
import { generateDemoHistory } from './generate-demo-history.ts';

const camera = { id: 'roof', timezone: 'Europe/Zurich', location: { lat: 47.37, lon: 8.54 } };
const from = new Date('2026-03-02T00:00:00Z');
const to = new Date('2026-05-25T00:00:00Z'); // 12 weeks

describe('generateDemoHistory', () => {
  const batch = generateDemoHistory([camera], { from, to, viewsPerHour: 20 });

  it('keeps the Smart TV abroad on 9:00–17:00 New York time on weekdays: one view and 8 h a day', () => {
    const tv = batch.views.filter((row) => row.device === 'smart-tv' && row.country === 'US' && row.source === 'direct');
    const byDay = new Map<string, { views: number; seconds: number }>();
    for (const row of tv) {
      const local = toLocalTime(row.hour.getTime(), 'America/New_York');
      if (local.weekday >= 5) continue; // Saturday, Sunday
      const key = `${local.month}-${local.day}`;
      const day = byDay.get(key) ?? { views: 0, seconds: 0 };
      day.views += row.views;
      day.seconds += row.watchSeconds;
      byDay.set(key, day);
    }
    expect(byDay.size).toBe(60);
    for (const day of byDay.values()) {
      expect(day.views).toBeGreaterThanOrEqual(1);
      expect(day.seconds).toBeGreaterThanOrEqual(8 * 3600);
    }
  });

  it('peaks around the camera’s own sunrise and sunset', () => {
    let nearSun = 0;
    let midday = 0;
    for (const row of batch.viewHours) {
      const sun = getSunTimes(row.hour, camera.location.lat, camera.location.lon);
      if ('polar' in sun) continue;
      const middle = row.hour.getTime() + HOUR_MS / 2;
      const hour = toLocalTime(row.hour.getTime(), camera.timezone).hour;
      if (Math.abs(middle - sun.sunset.getTime()) < HOUR_MS / 2) nearSun += row.views;
      else if (hour === 14) midday += row.views;
    }
    expect(nearSun).toBeGreaterThan(midday * 2);
  });

  it('adds up: hour totals equal the sum of their dimension rows, and portals scrape every 60 s', () => {
    const sum = batch.views.reduce((total, row) => total + row.views, 0);
    expect(batch.viewHours.reduce((total, row) => total + row.views, 0)).toBe(sum);
    const windyHours = batch.previewFetches.filter((row) => row.portal === 'windy');
    const hours = (to.getTime() - from.getTime()) / HOUR_MS;
    expect(windyHours.reduce((total, row) => total + row.fetches, 0)).toBe(60 * hours);
    expect(new Set(batch.views.map((row) => row.country)).size).toBeGreaterThan(8);
  });
});
