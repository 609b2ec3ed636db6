// The site process: Next.js behind a plain Node HTTP server that sends the build's static
// files itself, precompressed (lib/site-server/static-assets), and streams media from the worker's origin
// (lib/site-server/origin-proxy.ts). Pages and APIs are Next's. Run by lib/site-server/serve.ts as the bundle
// .build/site.mjs (scripts/system-deps.sh ensure_site_build).
import { createServer } from 'node:http';
import next from 'next';
import { startAnalyticsFlusher, stopAnalyticsFlusher } from '../analytics/analytics-state.ts';
import { startEdgeLogCollector } from '../analytics/edge-log-collector.ts';
import { serveBeacon } from '../analytics/serve-beacon.ts';
import { getEnv } from '../env.ts';
import { createReloadFanout } from './reload-fanout.ts';
import { createLogger } from '../log.ts';
import { matchMediaRoute } from './media-route.ts';
import { startMetricsServer } from './metrics-server.ts';
import { classifyRoute, countHttpRequest, renderSiteMetrics } from './site-metrics.ts';
import { compileTrustedProxies, stampClientAddress } from '../net/client-address.ts';
import { createHeldLimit } from '../net/held-limit.ts';
import { gateRequest } from './request-gate.ts';
import { proxyToOrigin, sendMediaError } from './origin-proxy.ts';
import { startOriginPull } from './origin-pull/start-origin-pull.ts';
import { ASSET_DIRS } from './static-assets/asset-dirs.ts';
import { loadStaticAssets, serveStaticAsset, type StaticAssets } from './static-assets/static-assets.ts';

const env = getEnv();
const trustedProxies = compileTrustedProxies(env.TRUSTED_PROXIES);
const serveBlockingReload = createReloadFanout(env.ORIGIN_URL, createHeldLimit(env.HELD_RELOAD_LIMIT));
const assets: StaticAssets = new Map();
for (const { dir, urlPrefix } of ASSET_DIRS) loadStaticAssets(dir, urlPrefix, assets);

const app = next({ dev: false, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  stampClientAddress(request, trustedProxies);
  const refusal = gateRequest(request);
  if (refusal) return sendMediaError(response, refusal.status, refusal.code, refusal.message, refusal.headers);
  response.on('finish', () => countHttpRequest(classifyRoute(request.url ?? '/'), response.statusCode));
  if (serveStaticAsset(request, response, assets)) return;
  if (serveBeacon(request, response)) return;
  const media = matchMediaRoute(request.url ?? '/');
  if (media && 'error' in media) return sendMediaError(response, 400, media.error, 'Malformed media path or query');
  if (media?.plainPath) return void serveBlockingReload(request, response, media.path, media.plainPath).catch(() => response.destroy());
  if (media) return void proxyToOrigin(request, response, env.ORIGIN_URL, media.path).catch(() => response.destroy());
  handle(request, response).catch((error: unknown) => {
    console.error('request failed:', error instanceof Error ? error.message : error);
    if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Internal error\n');
  });
});
server.keepAliveTimeout = 65_000; // longer than common proxies' idle timeout, as `next start` does
server.listen(env.PORT, env.HOST, () => console.log(`site listening on http://${env.HOST}:${env.PORT} (${assets.size} static files precompressed)`));

// The worker's health events (and whatever else it journals) into the database, over loopback
// on one machine or across the uplink when the worker is at home.
const pull = startOriginPull({ originUrl: env.ORIGIN_URL, token: env.ORIGIN_TOKEN, log: createLogger('site') });
const metrics = env.METRICS_PORT === undefined ? undefined : await startMetricsServer(env.METRICS_HOST, env.METRICS_PORT, renderSiteMetrics);
if (metrics) console.log(`metrics on ${metrics.url}`);
// Beacons are counted in memory and flushed every few seconds; the edges' preview.jpg hits
// arrive over UDP. Both are written on shutdown, after the last request is answered.
startAnalyticsFlusher(env.ANALYTICS_FLUSH_SECONDS);
const edgeLog = env.EDGE_LOG_PORT && env.EDGE_LOG_KEY ? await startEdgeLogCollector({ port: env.EDGE_LOG_PORT, key: env.EDGE_LOG_KEY }) : undefined;

let stopping = false;
function stop(): void {
  if (stopping) return;
  stopping = true;
  pull.stop();
  metrics?.server.close();
  server.close();
  server.closeAllConnections();
  edgeLog?.close();
  void stopAnalyticsFlusher()
    .catch((error: unknown) => console.error('analytics flush at shutdown failed:', error instanceof Error ? error.message : error))
    .then(() => app.close())
    .finally(() => process.exit(0));
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
