// What every analytics query takes: one camera (or null for all of them), a half-open UTC range
// [from, to) and the zone whose local days and hours the rows are bucketed into.
export type AnalyticsRange = { cameraId: string | null; from: Date; to: Date; timeZone: string };

export function whereCamera(cameraId: string | null): { cameraId?: string } {
  return cameraId === null ? {} : { cameraId };
}

export function whereHour({ cameraId, from, to }: AnalyticsRange) {
  return { ...whereCamera(cameraId), hour: { gte: from, lt: to } };
}
