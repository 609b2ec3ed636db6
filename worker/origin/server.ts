import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { WorkerStatus } from '../../lib/health.ts';
import { CONTENT_TYPES, ERROR_MEDIA_CACHE, MISSING_MEDIA_CACHE, NOSNIFF, PLAYLIST_CACHE, SEGMENT_CACHE } from '../../lib/media-headers.ts';
import type { Logger } from '../../lib/log.ts';
import { parseBlockingRequest } from '../../lib/hls/blocking-request.ts';
import { createHeldLimit } from '../../lib/net/held-limit.ts';
import { pipeBody } from '../../lib/net/pipe-body.ts';
import { waitForSegment, type PlaylistFeed } from './blocking-reload.ts';
import { readOriginTarget } from './origin-target.ts';
import { isPrivatePath } from './private-guard.ts';
import { servePrivate, type PrivateRoutes } from './private-routes.ts';
import { resolveMediaPath } from './resolve-media-path.ts';
import { serveSnapshot, type SnapshotSource } from './snapshot-route.ts';

export type OriginOptions = {
  hlsRoot: string;
  cameraIds: readonly string[];
  status: () => WorkerStatus;
  snapshots: SnapshotSource;
  playlists?: ReadonlyMap<string, PlaylistFeed>; // camera id → its publisher: blocking playlist reloads
  maxHeldReloads?: number; // past it, a blocking reload is answered at once with the current playlist
  log: Logger;
  private?: PrivateRoutes; // /status.json, /events, /metrics: who may read them and what they serve
};

// The worker's HTTP face: HLS files and status for the site and the edges. Media is
// served straight from disk with the cache headers edges rely on; no cookies, ever.
export function createOriginServer(options: OriginOptions): Server {
  const known = new Set(options.cameraIds);
  const held = createHeldLimit(options.maxHeldReloads ?? 1000);
  return createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.log.error(`origin: ${(error as Error).message}`);
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal', message: 'Internal error' } });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendJson(res, 405, { error: { code: 'method_not_allowed', message: 'Only GET and HEAD' } });
    }
    const target = readOriginTarget(req.url);
    if (!target) {
      res.setHeader('Cache-Control', ERROR_MEDIA_CACHE);
      return sendJson(res, 400, { error: { code: 'bad_path', message: 'Malformed path' } });
    }
    const { path, search } = target;
    if (isPrivatePath(path)) return servePrivate(req, res, path, search, options.status, options.private);
    if (serveSnapshot(req, res, target, options.snapshots)) return;
    if (!path.startsWith('/hls/')) return sendJson(res, 404, { error: { code: 'not_found', message: 'Not found' } });
    const media = resolveMediaPath(options.hlsRoot, known, path);
    const blocking = media?.kind === 'playlist' ? parseBlockingRequest(search) : null;
    if (blocking && 'error' in blocking) {
      res.setHeader('Cache-Control', ERROR_MEDIA_CACHE);
      return sendJson(res, 400, { error: { code: 'bad_request', message: blocking.error } });
    }
    const feed = media && options.playlists?.get(media.cameraId);
    if (blocking && feed) {
      // Held for up to two target durations: within the player's first-byte timeout (5 s).
      const holding = held.tryHold();
      const outcome = await waitForSegment(feed, blocking.msn, holding ? 2 * feed.targetDuration() * 1000 : 0, req).finally(() => holding && held.release());
      if (outcome === 'too-far') {
        res.setHeader('Cache-Control', ERROR_MEDIA_CACHE);
        return sendJson(res, 400, { error: { code: 'msn_too_far', message: 'That segment is more than two segments ahead' } });
      }
      if (req.destroyed) return;
    }
    // Open first, then stat the open file: the playlist may be renamed over meanwhile.
    const handle = media ? await open(media.path).catch(() => null) : null;
    const info = handle ? await handle.stat() : null;
    if (!media || !handle || !info?.isFile()) {
      await handle?.close();
      res.setHeader('Cache-Control', MISSING_MEDIA_CACHE);
      return sendJson(res, 404, { error: { code: 'not_found', message: 'Not found' } });
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[media.kind],
      'Content-Length': info.size,
      'Cache-Control': media.kind === 'playlist' ? PLAYLIST_CACHE : SEGMENT_CACHE,
      'Last-Modified': info.mtime.toUTCString(),
      'Access-Control-Allow-Origin': '*',
      ...NOSNIFF,
    });
    if (req.method === 'HEAD') {
      await handle.close();
      return void res.end();
    }
    await pipeBody(handle.createReadStream(), res);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...NOSNIFF });
  res.end(text);
}
