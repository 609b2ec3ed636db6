import type { AnalyticsRange } from './range.ts';
import { sumViewsBy } from './sum-views-by.ts';

export type CountryRow = { country: string; views: number; watchSeconds: number };

// Views and watch time per country over the range, most viewed first.
export async function getViewsByCountry(range: AnalyticsRange): Promise<CountryRow[]> {
  return (await sumViewsBy('country', range)).map(({ key, views, watchSeconds }) => ({ country: key, views, watchSeconds }));
}
