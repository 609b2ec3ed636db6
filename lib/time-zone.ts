// Local time in a camera's IANA zone, without a dependency. The zone's UTC offset is looked up
// once per UTC day (twice when the day holds a DST change), so bucketing a year of hourly rows
// costs hundreds of Intl calls, not thousands.
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const dayOffsets = new Map<string, number | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

function lookupOffsetMs(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

// The zone's offset from UTC at instant `ms`, in milliseconds (e.g. +3,600,000 for CET).
export function getZoneOffsetMs(ms: number, timeZone: string): number {
  const dayStart = Math.floor(ms / DAY_MS) * DAY_MS;
  const key = `${timeZone}|${dayStart}`;
  let steady = dayOffsets.get(key);
  if (steady === undefined) {
    const a = lookupOffsetMs(dayStart, timeZone);
    steady = a === lookupOffsetMs(dayStart + DAY_MS - 1000, timeZone) ? a : null;
    if (dayOffsets.size > 50_000) dayOffsets.clear();
    dayOffsets.set(key, steady);
  }
  return steady ?? lookupOffsetMs(ms, timeZone);
}

export type LocalTime = { year: number; month: number; day: number; hour: number; weekday: number; date: string };

// Wall-clock fields at `ms` in the zone. weekday: 0 = Monday … 6 = Sunday. date: YYYY-MM-DD.
export function toLocalTime(ms: number, timeZone: string): LocalTime {
  const local = new Date(ms + getZoneOffsetMs(ms, timeZone));
  const date = local.toISOString().slice(0, 10);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(), hour: local.getUTCHours(), weekday: (local.getUTCDay() + 6) % 7, date };
}

// The instant of local midnight starting the day that contains `ms`, `daysBack` days earlier.
export function getLocalMidnight(ms: number, timeZone: string, daysBack = 0): number {
  const { year, month, day } = toLocalTime(ms, timeZone);
  return wallTimeToInstant(Date.UTC(year, month - 1, day - daysBack), timeZone);
}

// The instant local midnight begins a YYYY-MM-DD date in the zone.
export function getMidnightOfLocalDate(date: string, timeZone: string): number {
  return wallTimeToInstant(Date.parse(`${date}T00:00:00Z`), timeZone);
}

function wallTimeToInstant(wall: number, timeZone: string): number {
  // Two passes settle the offset on a DST day (the offset at the guess may differ from midnight's).
  const guess = wall - getZoneOffsetMs(wall, timeZone);
  return wall - getZoneOffsetMs(guess, timeZone);
}

export function floorToHour(ms: number): number {
  return Math.floor(ms / HOUR_MS) * HOUR_MS;
}

export { HOUR_MS, DAY_MS };
