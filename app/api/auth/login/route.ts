import { z } from 'zod';
import { clearLoginFailures, getLoginRetryAfter, recordLoginFailure } from '@/lib/auth/login-throttle';
import { HTTPS_REQUIRED_MESSAGE, renderLoginNotice } from '@/lib/auth/login-notice';
import { verifyPassword } from '@/lib/auth/password';
import { isSameOriginRequest, isSecureEnoughForLogin } from '@/lib/auth/request-checks';
import { buildSessionCookie, createSessionToken, hashSessionToken } from '@/lib/auth/session-token';
import { getClientAddress } from '@/lib/net/client-address';
import { getOwnerPasswordHash } from '@/lib/queries/owner';
import { createSession } from '@/lib/queries/sessions';

const form = z.object({ password: z.string() });

function seeOther(location: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store', ...headers } });
}

export async function POST(request: Request): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) return renderLoginNotice(403, 'Refused', 'This login did not come from this site’s own login form.');
  if (!isSecureEnoughForLogin(request.headers)) return renderLoginNotice(403, 'HTTPS needed', HTTPS_REQUIRED_MESSAGE);
  const client = getClientAddress(request.headers) ?? 'unknown';
  const retryAfter = getLoginRetryAfter(client);
  if (retryAfter > 0) {
    const minutes = Math.ceil(retryAfter / 60);
    return renderLoginNotice(429, 'Too many tries', `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, { 'Retry-After': String(retryAfter) });
  }
  const parsed = form.safeParse(Object.fromEntries((await request.formData().catch(() => new FormData())).entries()));
  const password = parsed.success ? parsed.data.password : '';
  if (!(await verifyPassword(await getOwnerPasswordHash(), password))) {
    recordLoginFailure(client);
    return seeOther('/dashboard/login?error=wrong');
  }
  clearLoginFailures(client);
  const token = createSessionToken();
  await createSession(hashSessionToken(token));
  return seeOther('/dashboard', { 'Set-Cookie': buildSessionCookie(token) });
}
