import { getDb } from '../../db.ts';
import { getMidnightOfLocalDate, toLocalTime } from '../../time-zone.ts';
import { EVERY_CAMERA, type LocalDayZone } from './analytics-rows.ts';
import { nextDate, sumViewLocalDays } from './view-local-days.ts';

const CHUNK_DAYS = 31;
const ATTEMPTS = 3;

// Recomputes one pair's ViewLocalDay rows from ViewHour, for the local dates touching [from, to)
// (all of them without a range), a month per transaction so live flushes are never held long.
// `cameraIds` narrows an every-camera pair to the cameras whose hours changed.
export async function rebuildViewLocalDays(zone: LocalDayZone, range?: { from: Date; to: Date }, cameraIds?: string[]): Promise<void> {
  const db = getDb();
  const { timeZone } = zone;
  if (zone.cameraId !== EVERY_CAMERA && cameraIds && !cameraIds.includes(zone.cameraId)) return;
  const cameras = zone.cameraId !== EVERY_CAMERA ? { cameraId: zone.cameraId } : cameraIds ? { cameraId: { in: cameraIds } } : {};
  let bounds = range;
  if (!bounds) {
    const { _min, _max } = await db.viewHour.aggregate({ where: cameras, _min: { hour: true }, _max: { hour: true } });
    if (!_min.hour || !_max.hour) return;
    bounds = { from: _min.hour, to: new Date(_max.hour.getTime() + 1) };
  }
  const last = toLocalTime(bounds.to.getTime() - 1, timeZone).date;
  for (let first = toLocalTime(bounds.from.getTime(), timeZone).date; first <= last; ) {
    let end = first;
    for (let i = 0; i < CHUNK_DAYS && end <= last; i++) end = nextDate(end);
    const hour = { gte: new Date(getMidnightOfLocalDate(first, timeZone)), lt: new Date(getMidnightOfLocalDate(end, timeZone)) };
    const dates = { gte: first, lt: end };
    await retrySerializable(() =>
      db.$transaction(
        async (tx) => {
          const hours = await tx.viewHour.findMany({ where: { ...cameras, hour }, select: { cameraId: true, hour: true, views: true, watchSeconds: true } });
          await tx.viewLocalDay.deleteMany({ where: { timeZone, ...cameras, date: dates } });
          const rows = sumViewLocalDays(hours, [{ timeZone, cameraId: EVERY_CAMERA }]);
          if (rows.length) await tx.viewLocalDay.createMany({ data: rows });
        },
        { isolationLevel: 'Serializable', timeout: 60_000 },
      ),
    );
    first = end;
  }
}

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

// Makes ViewLocalDayZone list exactly `wanted`: pairs no longer wanted are dropped with the rows
// no remaining pair keeps, and new or half-built pairs are listed first (so flushes add to them
// from then on), built from ViewHour, then marked built. Returns the pairs built now.
export async function ensureViewLocalDayZones(wanted: LocalDayZone[]): Promise<LocalDayZone[]> {
  const db = getDb();
  const key = (z: LocalDayZone) => `${z.timeZone}\n${z.cameraId}`;
  const wantedKeys = new Set(wanted.map(key));
  const existing = await db.viewLocalDayZone.findMany();
  const dropped = existing.filter((z) => !wantedKeys.has(key(z)));
  for (const { timeZone, cameraId } of dropped) await db.viewLocalDayZone.delete({ where: { timeZone_cameraId: { timeZone, cameraId } } });
  for (const timeZone of new Set(dropped.map((z) => z.timeZone))) {
    const kept = wanted.filter((z) => z.timeZone === timeZone).map((z) => z.cameraId);
    if (!kept.includes(EVERY_CAMERA)) await db.viewLocalDay.deleteMany({ where: { timeZone, cameraId: { notIn: kept } } });
  }
  const built: LocalDayZone[] = [];
  for (const zone of wanted) {
    const found = existing.find((z) => key(z) === key(zone));
    if (found?.builtAt) continue;
    if (!found) await db.viewLocalDayZone.create({ data: { ...zone, builtAt: null } });
    await rebuildViewLocalDays(zone);
    await db.viewLocalDayZone.update({ where: { timeZone_cameraId: zone }, data: { builtAt: new Date() } });
    built.push(zone);
  }
  return built;
}
