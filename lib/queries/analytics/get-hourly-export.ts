import { getDb } from '../../db.ts';
import { whereHour, type AnalyticsRange } from './range.ts';

export type ExportRow = { cameraId: string; hour: Date; country: string; device: string; source: string; views: number; watchSeconds: number };

// The hourly table itself (camera × UTC hour × country × device × source), oldest first.
export async function getHourlyExport(range: AnalyticsRange): Promise<ExportRow[]> {
  return getDb().viewStat.findMany({
    where: whereHour(range),
    orderBy: [{ hour: 'asc' }, { cameraId: 'asc' }, { country: 'asc' }, { device: 'asc' }, { source: 'asc' }],
    select: { cameraId: true, hour: true, country: true, device: true, source: true, views: true, watchSeconds: true },
  });
}
