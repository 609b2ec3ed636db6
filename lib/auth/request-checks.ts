import { isIP } from 'node:net';
import { getEnv } from '../env.ts';
import { getClientAddress } from '../net/client-address.ts';

function firstValue(value: string | null): string | undefined {
  return value?.split(',')[0]?.trim() || undefined;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address || isIP(address) === 0) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return plain === '::1' || /^127\./.test(plain);
}

// The login is offered over HTTPS (X-Forwarded-Proto from a trusted edge; the site server drops
// it from anyone else) or to a client on this machine. Anything else would send the password in
// the clear. No stamped address (not behind the site server) fails closed.
export function isSecureEnoughForLogin(headers: Headers): boolean {
  if (firstValue(headers.get('x-forwarded-proto')) === 'https') return true;
  return isLoopbackAddress(getClientAddress(headers));
}

// The origin this request was addressed to, as the browser sees it.
export function getExpectedOrigin(headers: Headers): string {
  const host = firstValue(headers.get('x-forwarded-host')) ?? firstValue(headers.get('host')) ?? '';
  const proto = firstValue(headers.get('x-forwarded-proto')) ?? 'http';
  return `${proto}://${host}`;
}

// State-changing requests must carry an Origin naming this site (browsers always send one on
// POST); a missing or foreign Origin is refused, which stops cross-site request forgery.
export function isSameOriginRequest(headers: Headers): boolean {
  const origin = headers.get('origin');
  if (!origin || origin === 'null') return false;
  const configured = getEnv().PUBLIC_URL;
  if (configured && origin === new URL(configured).origin) return true;
  return origin === getExpectedOrigin(headers);
}
