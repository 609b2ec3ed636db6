import { headers } from 'next/headers';
import { getEnv } from './env.ts';

// The site's public origin for absolute links (Open Graph images, embed code).
// PUBLIC_URL wins; otherwise the request's own host as seen through the edge.
export async function getRequestOrigin(): Promise<string> {
  const configured = getEnv().PUBLIC_URL;
  if (configured) return configured.replace(/\/$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? `127.0.0.1:${getEnv().PORT}`;
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto.split(',')[0]!.trim()}://${host.split(',')[0]!.trim()}`;
}
