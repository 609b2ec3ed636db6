import { parseCanonicalQuery, PLAYLIST_QUERY } from '../net/canonical-query.ts';

// The LL-HLS blocking playlist reload query (`_HLS_msn=N`), read the same way by the site
// (which forwards only a valid one) and the origin (which holds the request for it).
export type BlockingRequest = { msn: number } | { error: string } | null;

// null: an ordinary request. Only `_HLS_msn` is honoured; `_HLS_part` and `_HLS_skip` are
// for features the playlist does not advertise. Any other spelling of `_HLS_msn`, a second
// copy or a leading zero is an error (lib/net/canonical-query.ts says why).
export function parseBlockingRequest(search: string): BlockingRequest {
  const query = parseCanonicalQuery(search, PLAYLIST_QUERY);
  if ('error' in query) return { error: `_HLS_msn must be given once, as a media sequence number (${query.error})` };
  const value = query.params._HLS_msn;
  return value === undefined ? null : { msn: Number(value) };
}
