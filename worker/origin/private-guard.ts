import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIPv4 } from 'node:net';

export const PRIVATE_PATHS = ['/status.json', '/events', '/metrics'] as const;

export type PrivateAccess = { token?: string; trustLoopback: boolean };

export function isPrivatePath(path: string): boolean {
  return (PRIVATE_PATHS as readonly string[]).includes(path);
}

// The origin's private paths answer a loopback peer (the site on the same machine), or a
// request carrying `Authorization: Bearer <ORIGIN_TOKEN>`. Behind `ssh -R` every peer looks
// like loopback, which is why trusting it can be turned off.
export function allowsPrivate(req: IncomingMessage, access: PrivateAccess): boolean {
  if (access.trustLoopback && isLoopback(req.socket.remoteAddress)) return true;
  if (!access.token) return false;
  const match = /^Bearer ([^\s]+)$/.exec(req.headers.authorization ?? '');
  return match !== null && sameSecret(match[1]!, access.token);
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return isIPv4(v4) && v4.startsWith('127.');
}

// Hashing first gives equal lengths, so the comparison's time says nothing about the token.
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
