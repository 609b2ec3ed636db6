import { getDb } from '../../db.ts';
import { whereHour, type AnalyticsRange } from './range.ts';

export type DeviceRow = { device: string; views: number; watchSeconds: number };

// Views and watch time per device over the range, most viewed first.
export async function getViewsByDevice(range: AnalyticsRange): Promise<DeviceRow[]> {
  const rows = await getDb().viewStat.groupBy({ by: ['device'], where: whereHour(range), _sum: { views: true, watchSeconds: true } });
  return rows
    .map((r) => ({ device: r.device, views: r._sum.views ?? 0, watchSeconds: r._sum.watchSeconds ?? 0 }))
    .sort((a, b) => b.views - a.views || b.watchSeconds - a.watchSeconds || a.device.localeCompare(b.device));
}
