import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WorkerStatus } from '../../lib/health.ts';
import { sendError, sendJson } from '../../lib/http.ts';
import { serveEvents, type EventSource } from './events-route.ts';
import { allowsPrivate, type PrivateAccess } from './private-guard.ts';

export type PrivateRoutes = {
  access: PrivateAccess;
  journal?: EventSource;
  metrics?: () => Promise<{ contentType: string; body: string }>;
};

const DEFAULT_ROUTES: PrivateRoutes = { access: { trustLoopback: true } };

// /status.json, /events and /metrics: for the site and the owner's Prometheus, never the public.
export async function servePrivate(req: IncomingMessage, res: ServerResponse, path: string, search: string, status: () => WorkerStatus, routes: PrivateRoutes = DEFAULT_ROUTES): Promise<void> {
  if (!allowsPrivate(req, routes.access)) {
    return sendError(res, routes.access.token ? 401 : 403, 'forbidden', 'Only the site may read this', routes.access.token ? { 'WWW-Authenticate': 'Bearer' } : {});
  }
  if (path === '/status.json') return sendJson(res, 200, status(), { 'Cache-Control': 'no-cache' });
  if (path === '/events' && routes.journal) return serveEvents(search, res, routes.journal);
  if (path === '/metrics' && routes.metrics) {
    const { contentType, body } = await routes.metrics();
    res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(body)) });
    return void res.end(body);
  }
  sendError(res, 404, 'not_found', 'Not found');
}
