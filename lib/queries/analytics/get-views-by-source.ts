import type { AnalyticsRange } from './range.ts';
import { sumViewsBy } from './sum-views-by.ts';

export type SourceRow = { source: string; views: number; watchSeconds: number };

// Views and watch time per source over the range, most viewed first.
export async function getViewsBySource(range: AnalyticsRange): Promise<SourceRow[]> {
  return (await sumViewsBy('source', range)).map(({ key, views, watchSeconds }) => ({ source: key, views, watchSeconds }));
}
