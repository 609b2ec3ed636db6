import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendError } from '../../lib/http.ts';
import { ERROR_MEDIA_CACHE, NOSNIFF } from '../../lib/media-headers.ts';
import { parseCanonicalQuery, PREVIEW_QUERY } from '../../lib/net/canonical-query.ts';
import { snapshotWidths } from '../snapshot/render-snapshot.ts';
import type { SnapshotJob } from '../snapshot/snapshot-job.ts';
import type { OriginTarget } from './origin-target.ts';

export type SnapshotSource = {
  defaultCameraId: string;
  jobs: ReadonlyMap<string, { job: SnapshotJob; intervalSeconds: number; width: number }>;
  onFetch?: (cameraId: string, src: string | null, userAgent: string | undefined) => void; // analytics: an image was answered
};

const PATH = /^\/(?:cameras\/([a-z0-9-]{1,40})\/)?preview\.jpg$/;

// `/preview.jpg` (default camera) and `/cameras/<id>/preview.jpg`, `?w=320|640|<width>`, and
// `src=<portal>`. Returns false when the path is not a preview path at all.
export function serveSnapshot(req: IncomingMessage, res: ServerResponse, target: OriginTarget, source: SnapshotSource): boolean {
  const match = PATH.exec(target.path);
  if (!match) return false;
  // One spelling per image (lib/net/canonical-query.ts): edge caches key on `w`.
  const query = parseCanonicalQuery(target.search, PREVIEW_QUERY);
  if ('error' in query) {
    sendError(res, 400, 'bad_query', query.error, { 'Cache-Control': ERROR_MEDIA_CACHE, ...NOSNIFF });
    return true;
  }
  const entry = source.jobs.get(match[1] ?? source.defaultCameraId);
  const w = query.params.w;
  const width = w === undefined ? entry?.width : Number(w);
  if (!entry || width === undefined || !snapshotWidths(entry.width).includes(width)) return notFound(res);
  const view = entry.job.view();
  if (!view) {
    sendError(res, 503, 'no_snapshot_yet', 'No image from this camera yet', { 'Retry-After': String(entry.intervalSeconds), 'Cache-Control': 'no-store', ...NOSNIFF });
    return true;
  }
  const { snapshot } = view;
  const image = snapshot.images.get(width);
  if (!image) return notFound(res);
  source.onFetch?.(match[1] ?? source.defaultCameraId, query.params.src ?? null, req.headers['user-agent']);
  const headers: Record<string, string | number> = {
    'Content-Type': 'image/jpeg',
    'Cache-Control': `public, max-age=${Math.max(1, Math.floor(entry.intervalSeconds / 2))}`,
    ETag: image.etag,
    'Last-Modified': snapshot.lastModified,
    'Access-Control-Allow-Origin': '*',
    ...NOSNIFF,
  };
  if (view.stale) headers['X-Snapshot-Age'] = String(view.ageSeconds);
  if (notModified(req, image.etag, snapshot.changedAt)) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  res.writeHead(200, { ...headers, 'Content-Length': image.body.length });
  res.end(req.method === 'HEAD' ? undefined : image.body);
  return true;
}

function notModified(req: IncomingMessage, etag: string, changedAt: number): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch) return ifNoneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(since) && Math.floor(changedAt / 1000) * 1000 <= since;
}

function notFound(res: ServerResponse): true {
  sendError(res, 404, 'not_found', 'Not found', { 'Cache-Control': 'public, max-age=1', ...NOSNIFF });
  return true;
}
