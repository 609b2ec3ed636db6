import { headers } from 'next/headers';
import { getEnv, type Env } from '../env.ts';
import { isValidHost } from '../net/valid-host.ts';

type HeaderSource = { get: (name: string) => string | null };
type OriginEnv = Pick<Env, 'PUBLIC_URL' | 'ALLOWED_HOSTS' | 'PORT'>;

// The site's public origin for absolute links (canonical link, Open Graph images, embed code).
// PUBLIC_URL wins. Otherwise the request's own host as seen through the edge — X-Forwarded-*
// reach here only from TRUSTED_PROXIES (lib/site-server/site-server.ts drops them from anyone else) —
// but only an http(s) scheme and a valid host, and one of ALLOWED_HOSTS when that is set:
// a page must never carry a host or scheme a visitor made up. Never throws.
export function resolveRequestOrigin(h: HeaderSource, env: OriginEnv): string {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/$/, '');
  const allowed = env.ALLOWED_HOSTS?.split(',').map((host) => host.trim().toLowerCase()).filter(Boolean) ?? [];
  const fallback = allowed[0] ?? `127.0.0.1:${env.PORT}`;
  const proto = firstValue(h.get('x-forwarded-proto'))?.toLowerCase();
  const scheme = proto === 'https' || proto === 'http' ? proto : 'http';
  const host = firstValue(h.get('x-forwarded-host') ?? h.get('host'))?.toLowerCase();
  const accepted = host !== undefined && isValidHost(host) && (allowed.length === 0 || allowed.includes(host) || allowed.includes(host.replace(/:\d+$/, '')));
  return `${scheme}://${accepted ? host : fallback}`;
}

export async function getRequestOrigin(): Promise<string> {
  return resolveRequestOrigin(await headers(), getEnv());
}

function firstValue(value: string | null): string | undefined {
  return value?.split(',')[0]?.trim() || undefined;
}
