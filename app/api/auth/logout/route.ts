import { cookies } from 'next/headers';
import { renderLoginNotice } from '@/lib/auth/login-notice';
import { isSameOriginRequest } from '@/lib/auth/request-checks';
import { buildClearedSessionCookie, hashSessionToken, isWellFormedToken, SESSION_COOKIE } from '@/lib/auth/session-token';
import { deleteSession } from '@/lib/queries/sessions';

export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) return renderLoginNotice(403, 'Refused', 'This request did not come from this site.');
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (isWellFormedToken(token)) await deleteSession(hashSessionToken(token));
  return new Response(null, { status: 303, headers: { Location: '/dashboard/login', 'Set-Cookie': buildClearedSessionCookie(), 'Cache-Control': 'no-store' } });
}
