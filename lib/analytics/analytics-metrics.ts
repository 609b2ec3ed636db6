import { Counter } from 'prom-client';
import { defineMetric, getMetricsRegistry } from '../metrics/registry.ts';

// The analytics counters of the site's Prometheus metrics (served with the rest of the process's
// registry by lib/site-server/site-metrics.ts). Counted as beacons and fetches are taken in, so
// they move at once, not at the next flush.
const registry = getMetricsRegistry();

const views = defineMetric(registry, 'lookout_views_total', (registers) => new Counter({ name: 'lookout_views_total', help: 'Views started', labelNames: ['camera'], registers }));
const watch = defineMetric(registry, 'lookout_watch_seconds_total', (registers) => new Counter({ name: 'lookout_watch_seconds_total', help: 'Seconds of video watched', labelNames: ['camera'], registers }));
const previews = defineMetric(registry, 'lookout_preview_fetches_total', (registers) =>
  new Counter({ name: 'lookout_preview_fetches_total', help: 'preview.jpg fetches by portal, as the origin or an edge answered them', labelNames: ['camera', 'portal', 'via'], registers }),
);
const rejects = defineMetric(registry, 'lookout_beacon_rejects_total', (registers) => new Counter({ name: 'lookout_beacon_rejects_total', help: 'View beacons refused, by reason', labelNames: ['reason'], registers }));

export function countView(cameraId: string): void {
  views.inc({ camera: cameraId });
}

export function addWatchSeconds(cameraId: string, seconds: number): void {
  if (seconds > 0) watch.inc({ camera: cameraId }, seconds);
}

export function countPreviewFetch(cameraId: string, portal: string, via: 'origin' | 'edge', fetches = 1): void {
  if (fetches > 0) previews.inc({ camera: cameraId, portal, via }, fetches);
}

export function countBeaconRejected(reason: string): void {
  rejects.inc({ reason });
}
