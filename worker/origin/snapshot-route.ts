import type { IncomingMessage, ServerResponse } from 'node:http';
import { snapshotWidths } from '../snapshot/render-snapshot.ts';
import type { SnapshotJob } from '../snapshot/snapshot-job.ts';

export type SnapshotSource = {
  defaultCameraId: string;
  jobs: ReadonlyMap<string, { job: SnapshotJob; intervalSeconds: number; width: number }>;
  onFetch?: (cameraId: string, src: string | null, userAgent: string | undefined) => void; // analytics: an image was answered
};

const PATH = /^\/(?:cameras\/([a-z0-9-]{1,40})\/)?preview\.jpg$/;

// `/preview.jpg` (default camera) and `/cameras/<id>/preview.jpg`, `?w=320|640|<width>`.
// Returns false when the path is not a preview path at all.
export function serveSnapshot(req: IncomingMessage, res: ServerResponse, source: SnapshotSource): boolean {
  const url = new URL(req.url ?? '/', 'http://origin');
  const match = PATH.exec(url.pathname);
  if (!match) return false;
  const entry = source.jobs.get(match[1] ?? source.defaultCameraId);
  const w = url.searchParams.get('w');
  // Only plain digits: one spelling per image keeps edge caches from storing copies.
  const width = w === null ? entry?.width : /^[1-9]\d{0,3}$/.test(w) ? Number(w) : undefined;
  if (!entry || width === undefined || !snapshotWidths(entry.width).includes(width)) return notFound(res);
  const view = entry.job.view();
  if (!view) {
    res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8', 'Retry-After': String(entry.intervalSeconds), 'Cache-Control': 'no-store' });
    res.end(JSON.stringify({ error: { code: 'no_snapshot_yet', message: 'No image from this camera yet' } }));
    return true;
  }
  const { snapshot } = view;
  const image = snapshot.images.get(width);
  if (!image) return notFound(res);
  source.onFetch?.(match[1] ?? source.defaultCameraId, url.searchParams.get('src'), req.headers['user-agent']);
  const headers: Record<string, string | number> = {
    'Content-Type': 'image/jpeg',
    'Cache-Control': `public, max-age=${Math.max(1, Math.floor(entry.intervalSeconds / 2))}`,
    ETag: image.etag,
    'Last-Modified': snapshot.lastModified,
    'Access-Control-Allow-Origin': '*',
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
  res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=1' });
  res.end(JSON.stringify({ error: { code: 'not_found', message: 'Not found' } }));
  return true;
}
