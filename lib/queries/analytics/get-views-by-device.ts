import type { AnalyticsRange } from './range.ts';
import { sumViewsBy } from './sum-views-by.ts';

export type DeviceRow = { device: string; views: number; watchSeconds: number };

// Views and watch time per device over the range, most viewed first.
export async function getViewsByDevice(range: AnalyticsRange): Promise<DeviceRow[]> {
  return (await sumViewsBy('device', range)).map(({ key, views, watchSeconds }) => ({ device: key, views, watchSeconds }));
}
