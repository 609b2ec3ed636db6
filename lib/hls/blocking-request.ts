// The LL-HLS blocking playlist reload query (`_HLS_msn=N`), read the same way by the site
// (which forwards only a valid one) and the origin (which holds the request for it).
export type BlockingRequest = { msn: number } | { error: string } | null;

// null: an ordinary request. Only `_HLS_msn` is honoured; `_HLS_part` and `_HLS_skip` are
// for features the playlist does not advertise.
export function parseBlockingRequest(search: string): BlockingRequest {
  const value = new URLSearchParams(search).get('_HLS_msn');
  if (value === null) return null;
  if (!/^\d{1,15}$/.test(value)) return { error: '_HLS_msn must be a media sequence number' };
  return { msn: Number(value) };
}
