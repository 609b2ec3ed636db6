import { getDb } from '../db.ts';

export async function getPreviewFetchCounts(cameraId: string) {
  return getDb().previewFetchStat.findMany({ where: { cameraId }, orderBy: [{ hour: 'asc' }, { portal: 'asc' }], select: { hour: true, portal: true, via: true, fetches: true } });
}
