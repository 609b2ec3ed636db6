import { getSunTimes } from '../sun.ts';
import { DAY_MS } from '../time-zone.ts';

export type SunBand = { from: number; to: number; kind: 'sunrise' | 'sunset' };
const HALF_BAND_MS = 30 * 60_000;

// Each day's sunrise and sunset as an hour-wide band (±30 min) for the charts, in ms.
export function getSunBands(location: { lat: number; lon: number } | null, from: number, to: number): SunBand[] {
  if (!location) return [];
  const bands: SunBand[] = [];
  for (let day = Math.floor(from / DAY_MS) * DAY_MS - DAY_MS; day <= to + DAY_MS; day += DAY_MS) {
    const sun = getSunTimes(new Date(day + DAY_MS / 2), location.lat, location.lon);
    if ('polar' in sun) continue;
    for (const [kind, at] of [['sunrise', sun.sunrise.getTime()], ['sunset', sun.sunset.getTime()]] as const) {
      if (at + HALF_BAND_MS > from && at - HALF_BAND_MS < to) bands.push({ from: at - HALF_BAND_MS, to: at + HALF_BAND_MS, kind });
    }
  }
  return bands.sort((a, b) => a.from - b.from);
}
