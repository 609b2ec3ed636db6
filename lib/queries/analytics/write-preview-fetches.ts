import type { Prisma } from '../../generated/prisma/client.ts';
import type { LocalDayZone, PreviewFetchIncrement } from './analytics-rows.ts';
import { sumPreviewFetchDays } from './view-days.ts';
import { listLocalDayZones, sumPreviewFetchLocalDays } from './view-local-days.ts';

type Fetches = Omit<PreviewFetchIncrement, 'via'> & { via: string };

// preview.jpg counts as increments inside the caller's transaction: the hourly rows and, with
// them, the UTC-day and local-day rollups (for the zones listed now, or `zones` when known).
export async function writePreviewFetches(tx: Prisma.TransactionClient, fetches: Fetches[], zones?: LocalDayZone[]): Promise<void> {
  if (!fetches.length) return;
  for (const { fetches: n, ...key } of fetches) {
    await tx.previewFetchStat.upsert({ where: { cameraId_hour_portal_via: key }, create: { ...key, fetches: n }, update: { fetches: { increment: n } } });
  }
  for (const { fetches: n, ...key } of sumPreviewFetchDays(fetches)) {
    await tx.previewFetchDay.upsert({ where: { cameraId_day_portal_via: key }, create: { ...key, fetches: n }, update: { fetches: { increment: n } } });
  }
  for (const { fetches: n, ...key } of sumPreviewFetchLocalDays(fetches, zones ?? (await listLocalDayZones(tx)))) {
    await tx.previewFetchLocalDay.upsert({ where: { timeZone_cameraId_date_portal_via: key }, create: { ...key, fetches: n }, update: { fetches: { increment: n } } });
  }
}
