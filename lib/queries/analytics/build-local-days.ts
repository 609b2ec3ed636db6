import { getDb } from '../../db.ts';
import { getMidnightOfLocalDate, toLocalTime } from '../../time-zone.ts';
import { EVERY_CAMERA, type AnalyticsBatch, type LocalDayZone } from './analytics-rows.ts';
import { nextDate, sumPreviewFetchLocalDays, sumViewLocalDays } from './view-local-days.ts';

const CHUNK_DAYS = 31;
const ATTEMPTS = 3;
type Span = { gte: Date; lt: Date };
// Hourly rows already in memory for [from, to) (the demo's): read from here, not the tables.
export type HourlySource = { from: Date; to: Date; batch: Pick<AnalyticsBatch, 'viewHours' | 'previewFetches'> };

// Recomputes one pair's ViewLocalDay and PreviewFetchLocalDay rows from the hourly tables, for the
// local dates touching [from, to) (all of them without a range), a month per transaction so live
// flushes are never held long. `cameraIds` narrows an every-camera pair to the cameras changed.
export async function rebuildLocalDays(zone: LocalDayZone, range?: { from: Date; to: Date }, cameraIds?: string[], source?: HourlySource): Promise<void> {
  const db = getDb();
  const { timeZone } = zone;
  if (zone.cameraId !== EVERY_CAMERA && cameraIds && !cameraIds.includes(zone.cameraId)) return;
  const cameras = zone.cameraId !== EVERY_CAMERA ? { cameraId: zone.cameraId } : cameraIds ? { cameraId: { in: cameraIds } } : {};
  const isCamera = (id: string) => (zone.cameraId === EVERY_CAMERA ? !cameraIds || cameraIds.includes(id) : id === zone.cameraId);
  let bounds = range;
  if (!bounds) {
    const [views, fetches] = await Promise.all([
      db.viewHour.aggregate({ where: cameras, _min: { hour: true }, _max: { hour: true } }),
      db.previewFetchStat.aggregate({ where: cameras, _min: { hour: true }, _max: { hour: true } }),
    ]);
    const starts = [views._min.hour, fetches._min.hour].filter((d) => d !== null).map((d) => d.getTime());
    const ends = [views._max.hour, fetches._max.hour].filter((d) => d !== null).map((d) => d.getTime() + 1);
    if (!starts.length) return;
    bounds = { from: new Date(Math.min(...starts)), to: new Date(Math.max(...ends)) };
  }
  const last = toLocalTime(bounds.to.getTime() - 1, timeZone).date;
  for (let first = toLocalTime(bounds.from.getTime(), timeZone).date; first <= last; ) {
    let end = first;
    for (let i = 0; i < CHUNK_DAYS && end <= last; i++) end = nextDate(end);
    const hour = { gte: new Date(getMidnightOfLocalDate(first, timeZone)), lt: new Date(getMidnightOfLocalDate(end, timeZone)) };
    const fromTables: Span[] = source ? [{ gte: hour.gte, lt: minDate(hour.lt, source.from) }, { gte: maxDate(hour.gte, source.to), lt: hour.lt }].filter((s) => s.gte < s.lt) : [hour];
    const inMemory = source ? { gte: maxDate(hour.gte, source.from), lt: minDate(hour.lt, source.to) } : null;
    const inSpan = (time: Date) => inMemory !== null && time >= inMemory.gte && time < inMemory.lt;
    const dates = { gte: first, lt: end };
    await retrySerializable(() =>
      db.$transaction(
        async (tx) => {
          // Writes first. On SQLite a transaction that has read cannot take the write lock once
          // another connection (the site, while a script runs) has committed since: SQLITE_BUSY at
          // once, with no wait. A first write waits for the lock, and the reads then see it all.
          await tx.viewLocalDay.deleteMany({ where: { timeZone, ...cameras, date: dates } });
          await tx.previewFetchLocalDay.deleteMany({ where: { timeZone, ...cameras, date: dates } });
          const viewHours = source ? source.batch.viewHours.filter((r) => inSpan(r.hour) && isCamera(r.cameraId)) : [];
          const fetches = source ? source.batch.previewFetches.filter((r) => inSpan(r.hour) && isCamera(r.cameraId)) : [];
          for (const span of fromTables) {
            viewHours.push(...(await tx.viewHour.findMany({ where: { ...cameras, hour: span }, select: { cameraId: true, hour: true, views: true, watchSeconds: true } })));
            fetches.push(...((await tx.previewFetchStat.findMany({ where: { ...cameras, hour: span }, select: { cameraId: true, hour: true, portal: true, via: true, fetches: true } })) as typeof fetches));
          }
          const all = [{ timeZone, cameraId: EVERY_CAMERA }];
          const days = sumViewLocalDays(viewHours, all);
          if (days.length) await tx.viewLocalDay.createMany({ data: days });
          const fetchDays = sumPreviewFetchLocalDays(fetches, all);
          if (fetchDays.length) await tx.previewFetchLocalDay.createMany({ data: fetchDays });
        },
        { isolationLevel: 'Serializable', timeout: 5 * 60_000 },
      ),
    );
    first = end;
  }
}

const minDate = (a: Date, b: Date) => (a < b ? a : b);
const maxDate = (a: Date, b: Date) => (a > b ? a : b);

// PostgreSQL may refuse a serializable transaction that met a concurrent flush (P2034): again.
async function retrySerializable<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= ATTEMPTS || (error as { code?: string }).code !== 'P2034') throw error;
    }
  }
}
