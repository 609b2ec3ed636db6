import { getDb } from '../../db.ts';
import type { AnalyticsBatch } from './analytics-rows.ts';

const CHUNK = 5000;

function chunk<T>(rows: T[]): T[][] {
  return Array.from({ length: Math.ceil(rows.length / CHUNK) }, (_, i) => rows.slice(i * CHUNK, (i + 1) * CHUNK));
}

// Demo data: replaces the cameras' rows in [from, to) with fresh ones in one transaction, with
// createMany in chunks (an interactive transaction: Prisma's batch form was 1.6× slower here).
export async function replaceAnalyticsHistory(input: { cameraIds: string[]; from: Date; to: Date; batch: AnalyticsBatch }): Promise<void> {
  const { cameraIds, from, to, batch } = input;
  const inHours = { cameraId: { in: cameraIds }, hour: { gte: from, lt: to } };
  await getDb().$transaction(
    async (tx) => {
      await tx.viewStat.deleteMany({ where: inHours });
      await tx.viewHour.deleteMany({ where: inHours });
      await tx.previewFetchStat.deleteMany({ where: inHours });
      await tx.visitorDay.deleteMany({ where: { cameraId: { in: cameraIds }, day: { gte: from, lt: to } } });
      for (const data of chunk(batch.views)) await tx.viewStat.createMany({ data });
      for (const data of chunk(batch.viewHours)) await tx.viewHour.createMany({ data });
      for (const data of chunk(batch.visitors)) await tx.visitorDay.createMany({ data });
      for (const data of chunk(batch.previewFetches)) await tx.previewFetchStat.createMany({ data });
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
}
