import { timingSafeEqual } from 'node:crypto';
import { digestResponse, parseAuthParams, type Credentials } from '../ingest/rtsp/auth.ts';

export type { Credentials };
export type AuthScheme = 'basic' | 'digest' | 'both';
export type AuthContext = { method: string; realm: string; nonce: string };

export function buildAuthChallenges(scheme: AuthScheme, realm: string, nonce: string): string[] {
  const challenges: string[] = [];
  if (scheme !== 'basic') challenges.push(`Digest realm="${realm}", nonce="${nonce}"`);
  if (scheme !== 'digest') challenges.push(`Basic realm="${realm}"`);
  return challenges;
}

// Pure: does this Authorization header carry the right credentials for one of the offered schemes?
export function checkAuthorization(header: string | undefined, credentials: Credentials, scheme: AuthScheme, context: AuthContext): boolean {
  if (!header) return false;
  const match = /^(\S+)\s+(.*)$/s.exec(header.trim());
  if (!match) return false;
  const kind = match[1]!.toLowerCase();
  const value = match[2]!.trim();
  if (kind === 'basic' && scheme !== 'digest') {
    return safeEqual(Buffer.from(value, 'base64').toString('utf8'), `${credentials.username}:${credentials.password}`);
  }
  if (kind === 'digest' && scheme !== 'basic') return checkDigest(parseAuthParams(value), credentials, context);
  return false;
}

// RFC 2617, with or without qop=auth (ffmpeg answers without qop when none is offered).
function checkDigest(fields: Record<string, string>, credentials: Credentials, { method, realm, nonce }: AuthContext): boolean {
  const { username, uri, response, qop, nc, cnonce } = fields;
  if (username !== credentials.username || fields.realm !== realm || fields.nonce !== nonce || !uri || !response) return false;
  if (qop && qop !== 'auth') return false; // auth-int would hash the body too
  const expected = digestResponse({ credentials, realm, nonce, method, uri, qop: qop ? { nc: nc ?? '', cnonce: cnonce ?? '' } : undefined });
  return safeEqual(response.toLowerCase(), expected);
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
