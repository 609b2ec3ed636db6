import { createHash, randomBytes } from 'node:crypto';
import { SESSION_ABSOLUTE_MS } from '../queries/sessions.ts';

// __Host-: only set over a secure context, with Path=/ and no Domain, so no sibling host or
// plain-HTTP page can plant or overwrite it.
export const SESSION_COOKIE = '__Host-lookout-session';
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes, base64url

export function createSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function isWellFormedToken(token: string | undefined): token is string {
  return token !== undefined && TOKEN_SHAPE.test(token);
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function buildSessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${SESSION_ABSOLUTE_MS / 1000}; HttpOnly; Secure; SameSite=Strict`;
}

export function buildClearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict`;
}
