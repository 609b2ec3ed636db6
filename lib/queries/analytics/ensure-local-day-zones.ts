import { getDb } from '../../db.ts';
import { EVERY_CAMERA, type LocalDayZone } from './analytics-rows.ts';
import { rebuildLocalDays } from './build-local-days.ts';

// Makes ViewLocalDayZone list exactly `wanted`: pairs no longer wanted are dropped with the rows
// no remaining pair keeps, and new or half-built pairs are listed first (so flushes add to them
// from then on), built from the hourly tables, then marked built. Returns the pairs built now.
export async function ensureLocalDayZones(wanted: LocalDayZone[]): Promise<LocalDayZone[]> {
  const db = getDb();
  const key = (z: LocalDayZone) => `${z.timeZone}\n${z.cameraId}`;
  const wantedKeys = new Set(wanted.map(key));
  const existing = await db.viewLocalDayZone.findMany();
  const dropped = existing.filter((z) => !wantedKeys.has(key(z)));
  for (const { timeZone, cameraId } of dropped) await db.viewLocalDayZone.delete({ where: { timeZone_cameraId: { timeZone, cameraId } } });
  for (const timeZone of new Set(dropped.map((z) => z.timeZone))) {
    const kept = wanted.filter((z) => z.timeZone === timeZone).map((z) => z.cameraId);
    if (kept.includes(EVERY_CAMERA)) continue;
    await db.viewLocalDay.deleteMany({ where: { timeZone, cameraId: { notIn: kept } } });
    await db.previewFetchLocalDay.deleteMany({ where: { timeZone, cameraId: { notIn: kept } } });
  }
  const built: LocalDayZone[] = [];
  for (const zone of wanted) {
    const found = existing.find((z) => key(z) === key(zone));
    if (found?.builtAt) continue;
    if (!found) await db.viewLocalDayZone.create({ data: { ...zone, builtAt: null } });
    await rebuildLocalDays(zone);
    await db.viewLocalDayZone.update({ where: { timeZone_cameraId: zone }, data: { builtAt: new Date() } });
    built.push(zone);
  }
  return built;
}
