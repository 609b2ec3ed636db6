// The plain shapes the analytics writers take: increments keyed like the tables they land in.
export type ViewIncrement = { cameraId: string; hour: Date; country: string; device: string; source: string; views: number; watchSeconds: number };
export type ViewDimensionDayIncrement = { cameraId: string; day: Date; dimension: ViewDimension; value: string; views: number; watchSeconds: number };
// A (zone, camera) pair ViewLocalDay is kept for; cameraId EVERY_CAMERA keeps it for all cameras.
export type LocalDayZone = { timeZone: string; cameraId: string };
export const EVERY_CAMERA = '*';
export type ViewLocalDayIncrement = { timeZone: string; cameraId: string; date: string; views: number; watchSeconds: number };
export type PreviewFetchLocalDayIncrement = { timeZone: string; cameraId: string; date: string; portal: string; via: string; fetches: number };
export type ViewHourIncrement = { cameraId: string; hour: Date; views: number; watchSeconds: number };
export type VisitorIncrement = { cameraId: string; day: Date; visitors: number };
export type PreviewFetchIncrement = { cameraId: string; hour: Date; portal: string; via: 'origin' | 'edge'; fetches: number };
export type PreviewFetchDayIncrement = { cameraId: string; day: Date; portal: string; via: string; fetches: number };
export type ViewDimension = 'country' | 'device' | 'source';
export const VIEW_DIMENSIONS: ViewDimension[] = ['country', 'device', 'source'];
export type VisitorHashRow = { cameraId: string; day: Date; hash: string };

export type AnalyticsBatch = {
  views: ViewIncrement[];
  viewHours: ViewHourIncrement[];
  visitors: VisitorIncrement[];
  visitorHashes: VisitorHashRow[];
  previewFetches: PreviewFetchIncrement[];
};

export function createEmptyBatch(): AnalyticsBatch {
  return { views: [], viewHours: [], visitors: [], visitorHashes: [], previewFetches: [] };
}

export function isBatchEmpty(batch: AnalyticsBatch): boolean {
  return Object.values(batch).every((rows: unknown[]) => rows.length === 0);
}
