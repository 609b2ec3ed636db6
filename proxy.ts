import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { buildSecurityHeaders } from '@/lib/site-server/security-headers';

// Next 16's request proxy (formerly middleware): a fresh CSP nonce for every page.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const env = getEnv();
  const headers = buildSecurityHeaders(request.nextUrl.pathname, nonce, env.EMBED_ALLOWED_ORIGINS, env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', headers['Content-Security-Policy']!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Pages only. Media, snapshots and the build's static files never reach Next: the site
  // server sends them (lib/site-server/site-server.ts).
  matcher: ['/((?!_next/static|_next/image|icon\\.svg|favicon\\.ico).*)'],
};
