import { getDb } from '../../db.ts';
import { DAY_MS, getMidnightOfLocalDate, toLocalTime } from '../../time-zone.ts';
import { EVERY_CAMERA, type LocalDayZone, type PreviewFetchIncrement, type PreviewFetchLocalDayIncrement, type ViewHourIncrement, type ViewLocalDayIncrement } from './analytics-rows.ts';

export { EVERY_CAMERA, type LocalDayZone };
type Db = Pick<ReturnType<typeof getDb>, 'viewLocalDayZone'>;

// Every listed pair, built or still being built: a flush adds to all of them.
export async function listLocalDayZones(db: Db = getDb()): Promise<LocalDayZone[]> {
  return db.viewLocalDayZone.findMany({ select: { timeZone: true, cameraId: true } });
}

// Whether the rollup answers this camera (null: all cameras) in this zone.
export async function hasBuiltLocalDays(cameraId: string | null, timeZone: string): Promise<boolean> {
  const cameraIds = cameraId === null ? [EVERY_CAMERA] : [cameraId, EVERY_CAMERA];
  return (await getDb().viewLocalDayZone.count({ where: { timeZone, cameraId: { in: cameraIds }, builtAt: { not: null } } })) > 0;
}

// The local dates of every zone kept for a camera (once per zone, whether it is kept for the
// camera itself, for every camera, or both).
function localDatesOf(zones: LocalDayZone[]) {
  const byCamera = new Map<string, string[]>();
  return (cameraId: string, hour: Date): [string, string][] => {
    let timeZones = byCamera.get(cameraId);
    if (!timeZones) {
      timeZones = [...new Set(zones.filter((z) => z.cameraId === cameraId || z.cameraId === EVERY_CAMERA).map((z) => z.timeZone))];
      byCamera.set(cameraId, timeZones);
    }
    return timeZones.map((timeZone) => [timeZone, toLocalTime(hour.getTime(), timeZone).date]);
  };
}

// The hourly totals summed per local date of each zone kept for their camera.
export function sumViewLocalDays(viewHours: ViewHourIncrement[], zones: LocalDayZone[]): ViewLocalDayIncrement[] {
  const datesOf = localDatesOf(zones);
  const days = new Map<string, ViewLocalDayIncrement>();
  for (const row of viewHours) {
    for (const [timeZone, date] of datesOf(row.cameraId, row.hour)) {
      const key = `${timeZone}\n${row.cameraId}\n${date}`;
      const day = days.get(key) ?? { timeZone, cameraId: row.cameraId, date, views: 0, watchSeconds: 0 };
      day.views += row.views;
      day.watchSeconds += row.watchSeconds;
      days.set(key, day);
    }
  }
  return [...days.values()];
}

// The hourly preview.jpg counts summed per local date of each zone kept for their camera.
export function sumPreviewFetchLocalDays(fetches: (Omit<PreviewFetchIncrement, 'via'> & { via: string })[], zones: LocalDayZone[]): PreviewFetchLocalDayIncrement[] {
  const datesOf = localDatesOf(zones);
  const days = new Map<string, PreviewFetchLocalDayIncrement>();
  for (const row of fetches) {
    for (const [timeZone, date] of datesOf(row.cameraId, row.hour)) {
      const key = `${timeZone}\n${row.cameraId}\n${date}\n${row.portal}\n${row.via}`;
      const day = days.get(key) ?? { timeZone, cameraId: row.cameraId, date, portal: row.portal, via: row.via, fetches: 0 };
      day.fetches += row.fetches;
      days.set(key, day);
    }
  }
  return [...days.values()];
}

// The YYYY-MM-DD after `date`.
export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

// The whole local dates inside [from, to) as [firstDate, endDate) with their instants; null when
// the range holds no whole local day.
export function splitRangeByLocalDay(from: Date, to: Date, timeZone: string): { firstDate: string; endDate: string; start: Date; end: Date } | null {
  const fromLocal = toLocalTime(from.getTime(), timeZone).date;
  const firstDate = getMidnightOfLocalDate(fromLocal, timeZone) === from.getTime() ? fromLocal : nextDate(fromLocal);
  const endDate = toLocalTime(to.getTime(), timeZone).date; // the day holding `to` is never whole
  const start = getMidnightOfLocalDate(firstDate, timeZone);
  const end = getMidnightOfLocalDate(endDate, timeZone);
  return firstDate < endDate && start < end ? { firstDate, endDate, start: new Date(start), end: new Date(end) } : null;
}
