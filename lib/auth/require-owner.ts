import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { HttpError } from '../errors.ts';
import { validateSession } from '../queries/sessions.ts';
import { hashSessionToken, isWellFormedToken, SESSION_COOKIE } from './session-token.ts';

export async function hasOwnerSession(): Promise<boolean> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return isWellFormedToken(token) && validateSession(hashSessionToken(token));
}

// Every /dashboard/** page and /api/admin/** route calls this itself: a guard only in proxy.ts
// can be bypassed (CVE-2025-29927). Pages go to the login; APIs get a 401 (see admin-route.ts).
export async function requireOwner(kind: 'page' | 'api' = 'page'): Promise<void> {
  if (await hasOwnerSession()) return;
  if (kind === 'api') throw new HttpError(401, 'unauthorized', 'Log in to the dashboard first.');
  redirect('/dashboard/login');
}
