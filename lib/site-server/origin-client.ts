import { getEnv } from '../env.ts';

// The site's requests for the origin's private paths (/status.json, /events) carry the shared
// token when one is configured. Media pass-through (origin-proxy.ts) never does.
export function privateOriginHeaders(token: string | undefined = getEnv().ORIGIN_TOKEN): Record<string, string> {
  return token ? { Authorization: `Bearer ${token}` } : {};
}
