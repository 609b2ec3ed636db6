// The plain shapes the analytics writers take: increments keyed like the tables they land in.
export type ViewIncrement = { cameraId: string; hour: Date; country: string; device: string; source: string; views: number; watchSeconds: number };
export type ViewDayIncrement = { cameraId: string; day: Date; country: string; device: string; source: string; views: number; watchSeconds: number };
export type ViewHourIncrement = { cameraId: string; hour: Date; views: number; watchSeconds: number };
export type VisitorIncrement = { cameraId: string; day: Date; visitors: number };
export type PreviewFetchIncrement = { cameraId: string; hour: Date; portal: string; via: 'origin' | 'edge'; fetches: number };
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
