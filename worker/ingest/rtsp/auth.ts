import { createHash, randomBytes } from 'node:crypto';

export type Credentials = { username: string; password: string };
export type Challenge = { scheme: 'basic' | 'digest'; params: Record<string, string> };

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

// Pure: the user name and password inside an rtsp:// URL (percent-decoded), if any.
export function credentialsFromUrl(url: string): Credentials | undefined {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return undefined;
  return { username: decodeURIComponent(parsed.username), password: decodeURIComponent(parsed.password) };
}

// Pure: the challenges of one or more WWW-Authenticate headers; Digest first, as it is preferred.
export function parseChallenges(headers: string[]): Challenge[] {
  const challenges: Challenge[] = [];
  for (const header of headers) {
    const match = /^\s*(Basic|Digest)\b\s*(.*)$/is.exec(header);
    if (!match) continue;
    challenges.push({ scheme: match[1]!.toLowerCase() as Challenge['scheme'], params: parseAuthParams(match[2]!) });
  }
  return challenges.sort((a, b) => (a.scheme === b.scheme ? 0 : a.scheme === 'digest' ? -1 : 1));
}

// Pure: the `name=value, name="quoted, value"` list of a challenge or an Authorization header,
// names lower-cased.
export function parseAuthParams(value: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const field of value.matchAll(/(\w+)\s*=\s*(?:"([^"]*)"|([^,\s]*))/g)) params[field[1]!.toLowerCase()] = field[2] ?? field[3] ?? '';
  return params;
}

// RFC 2617 response, with qop=auth when the camera offers it and without qop otherwise.
export function digestResponse(input: { credentials: Credentials; realm: string; nonce: string; method: string; uri: string; qop?: { nc: string; cnonce: string } }): string {
  const ha1 = md5(`${input.credentials.username}:${input.realm}:${input.credentials.password}`);
  const ha2 = md5(`${input.method}:${input.uri}`);
  if (!input.qop) return md5(`${ha1}:${input.nonce}:${ha2}`);
  return md5(`${ha1}:${input.nonce}:${input.qop.nc}:${input.qop.cnonce}:auth:${ha2}`);
}

// Answers one challenge for every request of the session (a Digest nonce is reused, nc counts up).
export class Authenticator {
  private count = 0;
  private readonly cnonce = randomBytes(8).toString('hex');

  constructor(private readonly credentials: Credentials, private readonly challenge: Challenge) {}

  header(method: string, uri: string): string {
    const { username, password } = this.credentials;
    if (this.challenge.scheme === 'basic') return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
    const { realm = '', nonce = '', opaque, qop } = this.challenge.params;
    const withQop = qop?.split(',').some((q) => q.trim() === 'auth');
    const nc = (++this.count).toString(16).padStart(8, '0');
    const response = digestResponse({ credentials: this.credentials, realm, nonce, method, uri, qop: withQop ? { nc, cnonce: this.cnonce } : undefined });
    const fields = [`username="${username}"`, `realm="${realm}"`, `nonce="${nonce}"`, `uri="${uri}"`, `response="${response}"`];
    if (withQop) fields.push('qop=auth', `nc=${nc}`, `cnonce="${this.cnonce}"`);
    if (opaque !== undefined) fields.push(`opaque="${opaque}"`);
    if (this.challenge.params.algorithm) fields.push(`algorithm=${this.challenge.params.algorithm}`);
    return `Digest ${fields.join(', ')}`;
  }
}
