import { createHash, timingSafeEqual } from 'node:crypto';

export type Credentials = { username: string; password: string };
export type AuthScheme = 'basic' | 'digest' | 'both';
export type AuthContext = { method: string; realm: string; nonce: string };

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

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
  if (kind === 'digest' && scheme !== 'basic') return checkDigest(parseDigestFields(value), credentials, context);
  return false;
}

// RFC 2617, with or without qop=auth (ffmpeg answers without qop when none is offered).
function checkDigest(fields: Record<string, string>, credentials: Credentials, { method, realm, nonce }: AuthContext): boolean {
  const { username, uri, response, qop, nc, cnonce } = fields;
  if (username !== credentials.username || fields.realm !== realm || fields.nonce !== nonce || !uri || !response) return false;
  const ha1 = md5(`${username}:${realm}:${credentials.password}`);
  const ha2 = md5(`${method}:${uri}`);
  const expected = qop ? md5(`${ha1}:${nonce}:${nc}:${cnonce}:${qop}:${ha2}`) : md5(`${ha1}:${nonce}:${ha2}`);
  return safeEqual(response.toLowerCase(), expected);
}

export function parseDigestFields(value: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of value.matchAll(/(\w+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) {
    fields[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  }
  return fields;
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
