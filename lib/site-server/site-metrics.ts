import { Counter, Gauge } from 'prom-client';
import '../analytics/analytics-metrics.ts'; // its counters are served from the same registry
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
const requests = defineMetric(registry, 'lookout_http_requests_total', (registers) =>
  new Counter({ name: 'lookout_http_requests_total', help: 'HTTP requests answered by the site, by route class and status', labelNames: ['route', 'status'], registers }),
);

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
