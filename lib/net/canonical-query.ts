// One spelling per query, shared by the site's pass-through and the origin, and mirrored by the
// edge's maps (deploy/nginx/lookout-edge.conf). A cache keys on the parameters it knows; if any
// other spelling of one of them reached the upstream (`%5FHLS_msn`, `_hls_msn`, `W`, a second
// copy, `01`), the upstream would read something other than what the key says, and an answer
// for one request would be stored for another. So: plain characters only, each keyed name
// exactly once in exactly its own case with a canonical value; other names are ignored.
export type QueryRules = Readonly<Record<string, RegExp>>;
export type CanonicalQuery = { params: Record<string, string> } | { error: string };

const PLAIN = /^[A-Za-z0-9_.=&-]*$/;
export const NUMBER = /^(?:0|[1-9]\d{0,14})$/;

export const PLAYLIST_QUERY: QueryRules = { _HLS_msn: NUMBER };
export const PREVIEW_QUERY: QueryRules = { w: /^[1-9]\d{0,3}$/, src: /^[a-z0-9-]{1,32}$/ };

export function parseCanonicalQuery(search: string, rules: QueryRules): CanonicalQuery {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (!PLAIN.test(query)) return { error: 'The query may hold only letters, digits and _ . - = &' };
  const byLowerName = new Map(Object.keys(rules).map((name) => [name.toLowerCase(), name]));
  const params: Record<string, string> = {};
  for (const piece of query.split('&')) {
    const at = piece.indexOf('=');
    const name = at === -1 ? piece : piece.slice(0, at);
    const keyed = byLowerName.get(name.toLowerCase());
    if (keyed === undefined) continue;
    const value = at === -1 ? null : piece.slice(at + 1);
    if (name !== keyed || value === null || !rules[keyed]!.test(value)) return { error: `${keyed} is malformed` };
    if (keyed in params) return { error: `${keyed} is given more than once` };
    params[keyed] = value;
  }
  return { params };
}

// The query an upstream is sent: the keyed parameters only, in the rules' order.
export function formatCanonicalQuery(params: Record<string, string>, rules: QueryRules): string {
  const pairs = Object.keys(rules)
    .filter((name) => params[name] !== undefined)
    .map((name) => `${name}=${params[name]}`);
  return pairs.length ? `?${pairs.join('&')}` : '';
}
