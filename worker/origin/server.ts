import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { WorkerStatus } from '../../lib/health.ts';
import { CONTENT_TYPES, ERROR_MEDIA_CACHE, MISSING_MEDIA_CACHE, NOSNIFF, PLAYLIST_CACHE, SEGMENT_CACHE } from '../../lib/media-headers.ts';
import type { Logger } from '../../lib/log.ts';
import { parseBlockingRequest } from '../../lib/hls/blocking-request.ts';
import { createHeldLimit } from '../../lib/net/held-limit.ts';
import { pipeBody } from '../../lib/net/pipe-body.ts';
import type { ErrorCode } from '../../lib/errors.ts';
import { sendError } from '../../lib/http.ts';
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
      if (!res.headersSent) refuse(res, 500, 'internal', 'Internal error');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(res, 405, 'method_not_allowed', 'Only GET and HEAD', { Allow: 'GET, HEAD' });
    }
    const target = readOriginTarget(req.url);
    if (!target) {
      return refuse(res, 400, 'bad_path', 'Malformed path', { 'Cache-Control': ERROR_MEDIA_CACHE });
    }
    const { path, search } = target;
    if (isPrivatePath(path)) return servePrivate(req, res, path, search, options.status, options.private);
    if (serveSnapshot(req, res, target, options.snapshots)) return;
    if (!path.startsWith('/hls/')) return refuse(res, 404, 'not_found', 'Not found');
    const media = resolveMediaPath(options.hlsRoot, known, path);
    const blocking = media?.kind === 'playlist' ? parseBlockingRequest(search) : null;
    if (blocking && 'error' in blocking) {
      return refuse(res, 400, 'bad_request', blocking.error, { 'Cache-Control': ERROR_MEDIA_CACHE });
    }
    const feed = media && options.playlists?.get(media.cameraId);
    if (blocking && feed) {
      // Held for up to two target durations: within the player's first-byte timeout (5 s).
      const holding = held.tryHold();
      const outcome = await waitForSegment(feed, blocking.msn, holding ? 2 * feed.targetDuration() * 1000 : 0, req).finally(() => holding && held.release());
      if (outcome === 'too-far') {
        return refuse(res, 400, 'msn_too_far', 'That segment is more than two segments ahead', { 'Cache-Control': ERROR_MEDIA_CACHE });
      }
      if (req.destroyed) return;
    }
    // Open first, then stat the open file: the playlist may be renamed over meanwhile.
    const handle = media ? await open(media.path).catch(() => null) : null;
    const info = handle ? await handle.stat() : null;
    if (!media || !handle || !info?.isFile()) {
      await handle?.close();
      return refuse(res, 404, 'not_found', 'Not found', { 'Cache-Control': MISSING_MEDIA_CACHE });
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

// Every origin error is an ordinary JSON error that browsers must not sniff.
function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  sendError(res, status, code, message, { ...NOSNIFF, ...headers });
}
