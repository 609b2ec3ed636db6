import { parseBlockingRequest } from '../hls/blocking-request.ts';
import { isCanonicalPath } from '../net/canonical-path.ts';
import { formatCanonicalQuery, parseCanonicalQuery, PREVIEW_QUERY } from '../net/canonical-query.ts';

// The media URLs the site passes through to the worker's origin on a single machine, and the
// origin path for each. Only canonical spellings pass (lib/net/canonical-path.ts and
// canonical-query.ts): the same rule as the edge and the origin, so a cache in front of the
// site can key on what it sees. The origin gets the keyed query parameters only.
// `plainPath` marks a blocking playlist reload: the playlist's path without the query.
// null: not a media URL.
export type MediaRoute = { path: string; plainPath?: string } | { error: 'bad_path' | 'bad_query' };

const PREVIEW = /^\/(?:cameras\/[^/]*\/)?preview\.jpg$/;

export function matchMediaRoute(url: string): MediaRoute | null {
  const [pathname = '', query = ''] = splitOnce(url, '?');
  if (pathname.startsWith('/hls/')) {
    if (!isCanonicalPath(pathname)) return { error: 'bad_path' };
    if (!pathname.endsWith('.m3u8')) return { path: pathname }; // segments ignore the query
    const blocking = parseBlockingRequest(query);
    if (blocking && 'error' in blocking) return { error: 'bad_query' };
    return blocking ? { path: `${pathname}?_HLS_msn=${blocking.msn}`, plainPath: pathname } : { path: pathname };
  }
  if (PREVIEW.test(pathname)) {
    if (!isCanonicalPath(pathname)) return { error: 'bad_path' };
    const preview = parseCanonicalQuery(query, PREVIEW_QUERY);
    if ('error' in preview) return { error: 'bad_query' };
    return { path: pathname + formatCanonicalQuery(preview.params, PREVIEW_QUERY) };
  }
  return null;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
