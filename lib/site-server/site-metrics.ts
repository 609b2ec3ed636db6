import { Counter, Gauge } from 'prom-client';
import { countViewersNow } from '../analytics/viewers-now.ts';
import { getConfig } from '../config/index.ts';
import { defineMetric, getMetricsRegistry } from '../metrics/registry.ts';

export type RouteClass = 'page' | 'api' | 'beacon' | 'media' | 'static';

// The site's Prometheus metrics, served on METRICS_PORT (lib/site-server/metrics-server.ts). Code
// anywhere in the site process calls these small functions; labels stay low-cardinality.
const registry = getMetricsRegistry();

defineMetric(registry, 'lookout_viewers', (registers) =>
  new Gauge({
    name: 'lookout_viewers',
    help: 'Viewers heard from in the last 90 s',
    labelNames: ['camera'],
    registers,
    collect() {
      this.reset();
      for (const { id } of getConfig().cameras) this.set({ camera: id }, countViewersNow(id));
    },
  }),
);
const views = defineMetric(registry, 'lookout_views_total', (registers) => new Counter({ name: 'lookout_views_total', help: 'Views started', labelNames: ['camera'], registers }));
const watch = defineMetric(registry, 'lookout_watch_seconds_total', (registers) => new Counter({ name: 'lookout_watch_seconds_total', help: 'Seconds of video watched', labelNames: ['camera'], registers }));
const previews = defineMetric(registry, 'lookout_preview_fetches_total', (registers) =>
  new Counter({ name: 'lookout_preview_fetches_total', help: 'preview.jpg fetches by portal, as the origin or an edge answered them', labelNames: ['camera', 'portal', 'via'], registers }),
);
const rejects = defineMetric(registry, 'lookout_beacon_rejects_total', (registers) => new Counter({ name: 'lookout_beacon_rejects_total', help: 'View beacons refused, by reason', labelNames: ['reason'], registers }));
const requests = defineMetric(registry, 'lookout_http_requests_total', (registers) =>
  new Counter({ name: 'lookout_http_requests_total', help: 'HTTP requests answered by the site, by route class and status', labelNames: ['route', 'status'], registers }),
);

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

export function countHttpRequest(route: RouteClass, status: number): void {
  requests.inc({ route, status: String(status) });
}

export function classifyRoute(url: string): RouteClass {
  const path = url.split('?', 1)[0]!;
  if (path.startsWith('/api/beacon')) return 'beacon';
  if (path.startsWith('/api/')) return 'api';
  if (path.startsWith('/hls/') || path.endsWith('/preview.jpg')) return 'media';
  if (path.startsWith('/_next/') || path.startsWith('/player/')) return 'static';
  return 'page';
}

export async function renderSiteMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
