import { createEmptyBatch, type AnalyticsBatch, type ViewHourIncrement, type ViewIncrement, type VisitorIncrement } from '../queries/analytics/analytics-rows.ts';

// Rows per part: an upserted row (ViewStat and its day rollups, a PreviewFetchStat) costs Prisma
// ~0.7 ms, an inserted visitor hash ~0.08 ms.
export type PartLimits = { upsertRows: number; hashRows: number };

// A flush cut into parts within `limits`, written one transaction at a time with
// the event loop free in between: one big synchronous transaction held every request for up to
// a second under a beacon flood. Each part is whole on its own — its ViewHour rows are the sums
// of its ViewStat rows, its VisitorDay increments count its own visitor hashes — so totals stay
// consistent whichever part a crash or a failed write stops at.
export function splitAnalyticsBatch(batch: AnalyticsBatch, { upsertRows, hashRows }: PartLimits): AnalyticsBatch[] {
  const parts: AnalyticsBatch[] = [];
  const part = (index: number) => (parts[index] ??= createEmptyBatch());
  chunk(batch.views, upsertRows).forEach((views, i) => Object.assign(part(i), { views, viewHours: sumViewHours(views) }));
  // View hours not covered by view rows (none come from the rollup) travel with the first part.
  const leftoverHours = subtractHours(batch.viewHours, sumViewHours(batch.views));
  if (leftoverHours.length) part(0).viewHours.push(...leftoverHours);
  chunk(batch.visitorHashes, hashRows).forEach((visitorHashes, i) => Object.assign(part(i), { visitorHashes, visitors: countVisitors(visitorHashes) }));
  const leftoverVisitors = subtractVisitors(batch.visitors, countVisitors(batch.visitorHashes));
  if (leftoverVisitors.length) part(0).visitors.push(...leftoverVisitors);
  chunk(batch.previewFetches, upsertRows).forEach((previewFetches, i) => (part(i).previewFetches = previewFetches));
  return parts;
}

// The hourly totals of some ViewStat increments (what ViewHour gets with them).
export function sumViewHours(views: ViewIncrement[]): ViewHourIncrement[] {
  const hours = new Map<string, ViewHourIncrement>();
  for (const { cameraId, hour, views: count, watchSeconds } of views) {
    const key = `${cameraId}|${hour.getTime()}`;
    const total = hours.get(key) ?? { cameraId, hour, views: 0, watchSeconds: 0 };
    total.views += count;
    total.watchSeconds += watchSeconds;
    hours.set(key, total);
  }
  return [...hours.values()];
}

function countVisitors(hashes: AnalyticsBatch['visitorHashes']): VisitorIncrement[] {
  const days = new Map<string, VisitorIncrement>();
  for (const { cameraId, day } of hashes) {
    const key = `${cameraId}|${day.getTime()}`;
    const row = days.get(key) ?? { cameraId, day, visitors: 0 };
    row.visitors += 1;
    days.set(key, row);
  }
  return [...days.values()];
}

function subtractHours(all: ViewHourIncrement[], covered: ViewHourIncrement[]): ViewHourIncrement[] {
  const seen = new Map(covered.map((row) => [`${row.cameraId}|${row.hour.getTime()}`, row]));
  return all
    .map((row) => {
      const done = seen.get(`${row.cameraId}|${row.hour.getTime()}`);
      return { ...row, views: row.views - (done?.views ?? 0), watchSeconds: row.watchSeconds - (done?.watchSeconds ?? 0) };
    })
    .filter((row) => row.views !== 0 || row.watchSeconds !== 0);
}

function subtractVisitors(all: VisitorIncrement[], covered: VisitorIncrement[]): VisitorIncrement[] {
  const seen = new Map(covered.map((row) => [`${row.cameraId}|${row.day.getTime()}`, row.visitors]));
  return all.map((row) => ({ ...row, visitors: row.visitors - (seen.get(`${row.cameraId}|${row.day.getTime()}`) ?? 0) })).filter((row) => row.visitors !== 0);
}

function chunk<T>(rows: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
