import { parseBlockingRequest } from './hls/blocking-request.ts';

// The media URLs the site passes through to the worker's origin on a single machine, and the
// origin path for each. Path segments are decoded and re-encoded, so `..%2f` arrives at the
// origin as one (refused) file name, never as a path step; a segment that is `.` or `..`
// (even encoded) is refused here, since fetch() would resolve it into another origin path
// (`/hls/../status.json`). null: not a media URL.
export type MediaRoute = { path: string } | { error: 'bad_path' };

export function matchMediaRoute(url: string): MediaRoute | null {
  const [pathname = '', query] = splitOnce(url, '?');
  const search = query === undefined ? '' : `?${query}`;
  const parts = pathname.split('/').slice(1);
  if (parts[0] === 'hls' && parts.length === 3) return encodePath(['hls', parts[1]!, parts[2]!], blockingQuery(parts[2]!, query));
  if (pathname === '/preview.jpg') return { path: `/preview.jpg${search}` };
  if (parts[0] === 'cameras' && parts.length === 3 && parts[2] === 'preview.jpg') return encodePath(['cameras', parts[1]!, 'preview.jpg'], search);
  return null;
}

function encodePath(parts: string[], search: string): MediaRoute {
  try {
    const decoded = parts.map((part) => decodeURIComponent(part));
    if (decoded.some((part) => part === '' || part === '.' || part === '..')) return { error: 'bad_path' };
    const encoded = decoded.map((part) => encodeURIComponent(part));
    return { path: `/${encoded.join('/')}${search}` };
  } catch {
    return { error: 'bad_path' }; // malformed percent-encoding
  }
}

// A playlist keeps a valid `_HLS_msn` (the origin holds the request until that segment
// exists); every other query is dropped, so it cannot make the origin do anything else.
function blockingQuery(file: string, query: string | undefined): string {
  if (!file.endsWith('.m3u8') || query === undefined) return '';
  const blocking = parseBlockingRequest(query);
  return blocking && 'msn' in blocking ? `?_HLS_msn=${blocking.msn}` : '';
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
