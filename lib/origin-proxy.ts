import { getEnv } from './env.ts';
import { MISSING_MEDIA_CACHE } from './media-headers.ts';

const PASS_REQUEST = ['if-none-match', 'if-modified-since', 'range'];
const PASS_RESPONSE = ['content-type', 'content-length', 'cache-control', 'etag', 'last-modified', 'retry-after', 'x-snapshot-age', 'access-control-allow-origin', 'content-range', 'accept-ranges'];

// On a single machine the site passes media through to the worker's origin. Bytes are
// streamed, headers kept as the origin set them (edges depend on them), and nothing added.
export async function proxyToOrigin(request: Request, path: string): Promise<Response> {
  const headers = new Headers();
  for (const name of PASS_REQUEST) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${getEnv().ORIGIN_URL}${path}`, { method: request.method, headers, cache: 'no-store', redirect: 'manual', signal: request.signal });
  } catch {
    return Response.json({ error: { code: 'origin_unavailable', message: 'The camera worker is not reachable' } }, { status: 502, headers: { 'Cache-Control': MISSING_MEDIA_CACHE } });
  }
  const out = new Headers();
  for (const name of PASS_RESPONSE) {
    const value = upstream.headers.get(name);
    if (value) out.set(name, value);
  }
  return new Response(request.method === 'HEAD' ? null : upstream.body, { status: upstream.status, headers: out });
}
