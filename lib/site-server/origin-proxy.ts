import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ErrorCode } from '../errors.ts';
import { sendError } from '../http.ts';
import { ERROR_MEDIA_CACHE, MISSING_MEDIA_CACHE, NOSNIFF } from '../media-headers.ts';
import { pipeBody } from '../net/pipe-body.ts';

const PASS_REQUEST = ['if-none-match', 'if-modified-since', 'range', 'user-agent']; // UA: preview.jpg portal attribution
const PASS_RESPONSE = ['content-type', 'content-length', 'cache-control', 'etag', 'last-modified', 'retry-after', 'x-snapshot-age', 'access-control-allow-origin', 'content-range', 'accept-ranges', 'x-content-type-options'];

// On a single machine the site passes media through to the worker's origin, in front of Next
// (lib/site-server/site-server.ts): Next's route machinery cost ~2 ms of CPU per request, and every
// viewer asks for the playlist several times per segment. Bytes are streamed, headers kept as
// the origin set them (edges depend on them), and nothing added.
export async function proxyToOrigin(request: IncomingMessage, response: ServerResponse, originUrl: string, path: string): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendMediaError(response, 405, 'method_not_allowed', 'Media is read with GET or HEAD', { Allow: 'GET, HEAD' });
    return;
  }
  const headers = new Headers();
  for (const name of PASS_REQUEST) {
    const value = request.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const aborted = new AbortController();
  response.on('close', () => aborted.abort()); // the viewer left: stop reading from the origin
  let upstream: Response;
  try {
    upstream = await fetch(`${originUrl}${path}`, { method: request.method, headers, redirect: 'manual', signal: aborted.signal });
  } catch {
    if (!aborted.signal.aborted) sendMediaError(response, 502, 'origin_unavailable', 'The camera worker is not reachable');
    return;
  }
  response.writeHead(upstream.status, pickResponseHeaders(upstream.headers));
  if (request.method === 'HEAD' || !upstream.body) {
    await upstream.body?.cancel();
    response.end();
    return;
  }
  await pipeBody(Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream), response);
}

export function pickResponseHeaders(from: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of PASS_RESPONSE) {
    const value = from.get(name);
    if (value) out[name] = value;
  }
  return out;
}

// A 404 is kept for a second like the origin's own; any other error is never stored.
export function sendMediaError(response: ServerResponse, status: number, code: ErrorCode, message: string, extra: Record<string, string> = {}): void {
  sendError(response, status, code, message, { 'Cache-Control': status === 404 ? MISSING_MEDIA_CACHE : ERROR_MEDIA_CACHE, ...NOSNIFF, ...extra });
}
