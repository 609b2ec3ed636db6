import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HeldLimit } from '../net/held-limit.ts';
import { pickResponseHeaders, proxyToOrigin, sendMediaError } from './origin-proxy.ts';

// Blocking playlist reloads on a single machine: every viewer waiting for segment N shares one
// request to the origin, and its answer (a few hundred bytes) is written to all of them, as
// an edge's proxy_cache_lock does. One origin connection per N instead of one per viewer;
// 500 held viewers cost 500 client sockets, not 1,000 sockets. Past the cap on held requests a
// viewer gets the current playlist at once (hls.js then asks again).
type Reply = { status: number; headers: Record<string, string>; body: Buffer };
const UPSTREAM_TIMEOUT_MS = 30_000; // the origin holds a reload for 2 target durations at most
const MAX_PLAYLIST_BYTES = 1024 * 1024;

export type ReloadFanout = (request: IncomingMessage, response: ServerResponse, path: string, plainPath: string) => Promise<void>;

export function createReloadFanout(originUrl: string, limit: HeldLimit): ReloadFanout {
  const inflight = new Map<string, Promise<Reply>>();
  return async (request, response, path, plainPath) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return proxyToOrigin(request, response, originUrl, path);
    if (!limit.tryHold()) return proxyToOrigin(request, response, originUrl, plainPath);
    let released = false;
    const release = () => void (released || ((released = true), limit.release()));
    response.once('close', release); // a viewer who left holds no place
    let shared = inflight.get(path);
    if (!shared) {
      shared = fetchWhole(`${originUrl}${path}`).finally(() => inflight.delete(path));
      inflight.set(path, shared);
    }
    let reply: Reply;
    try {
      reply = await shared;
    } catch {
      if (!response.destroyed) sendMediaError(response, 502, 'origin_unavailable', 'The camera worker is not reachable');
      return;
    } finally {
      release();
    }
    if (response.destroyed) return; // the viewer left while held
    response.writeHead(reply.status, reply.headers);
    response.end(request.method === 'HEAD' ? undefined : reply.body);
  };
}

async function fetchWhole(url: string): Promise<Reply> {
  const upstream = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS) });
  const body = Buffer.from(await upstream.arrayBuffer());
  if (body.length > MAX_PLAYLIST_BYTES) throw new Error('playlist too large');
  const headers = pickResponseHeaders(upstream.headers);
  headers['content-length'] = String(body.length);
  return { status: upstream.status, headers, body };
}
