import { isCanonicalPath } from '../../lib/net/canonical-path.ts';

// The request target split into path and query, or null when the path is not in its one
// canonical spelling (lib/net/canonical-path.ts): the origin never normalises a path, so no
// other spelling can reach a file past an edge cache that keys on the path as sent.
export type OriginTarget = { path: string; search: string };

export function readOriginTarget(url: string | undefined): OriginTarget | null {
  const raw = url ?? '/';
  const at = raw.indexOf('?');
  const path = at === -1 ? raw : raw.slice(0, at);
  return isCanonicalPath(path) ? { path, search: at === -1 ? '' : raw.slice(at + 1) } : null;
}
