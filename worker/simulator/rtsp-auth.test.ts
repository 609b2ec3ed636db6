import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAuthParams } from '../ingest/rtsp/auth.ts';
import { buildAuthChallenges, checkAuthorization } from './rtsp-auth.ts';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const credentials = { username: 'admin', password: 'p@ss:word' };
const context = { method: 'DESCRIBE', realm: 'Lookout', nonce: 'abc123' };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function digestHeader({ username = 'admin', password = 'p@ss:word', method = 'DESCRIBE', realm = 'Lookout', nonce = 'abc123', uri = 'rtsp://127.0.0.1/stream' } = {}): string {
  const response = md5(`${md5(`${username}:${realm}:${password}`)}:${nonce}:${md5(`${method}:${uri}`)}`);
  return `Digest username="${username}", realm="${realm}", nonce="${nonce}", uri="${uri}", response="${response}"`;
}

describe('checkAuthorization: Basic', () => {
  it('accepts the right user and password, colons in the password included', () => {
    expect(checkAuthorization(basic('admin', 'p@ss:word'), credentials, 'both', context)).toBe(true);
    expect(checkAuthorization(basic('admin', 'p@ss:word'), credentials, 'basic', context)).toBe(true);
  });

  it.each([
    ['a wrong password', basic('admin', 'nope')],
    ['a wrong user', basic('root', 'p@ss:word')],
    ['no value', 'Basic'],
    ['garbage', 'Basic !!!'],
    ['an unknown scheme', 'Bearer abc'],
  ])('refuses %s', (_label, header) => {
    expect(checkAuthorization(header, credentials, 'both', context)).toBe(false);
  });

  it('refuses Basic when only Digest is offered, and a missing header', () => {
    expect(checkAuthorization(basic('admin', 'p@ss:word'), credentials, 'digest', context)).toBe(false);
    expect(checkAuthorization(undefined, credentials, 'both', context)).toBe(false);
  });
});

describe('checkAuthorization: Digest', () => {
  it('accepts the RFC 2617 response without qop, as ffmpeg sends it', () => {
    expect(checkAuthorization(digestHeader(), credentials, 'both', context)).toBe(true);
    expect(checkAuthorization(digestHeader(), credentials, 'digest', context)).toBe(true);
  });

  it('accepts the RFC 2617 section 3.5 example with qop=auth', () => {
    const header =
      'Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"';
    const rfc = { method: 'GET', realm: 'testrealm@host.com', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093' };
    expect(checkAuthorization(header, { username: 'Mufasa', password: 'Circle Of Life' }, 'digest', rfc)).toBe(true);
    expect(checkAuthorization(header, { username: 'Mufasa', password: 'Circle of life' }, 'digest', rfc)).toBe(false);
  });

  it.each([
    ['a wrong password', digestHeader({ password: 'nope' })],
    ['another method', digestHeader({ method: 'PLAY' })],
    ['a stale nonce', digestHeader({ nonce: 'old' })],
    ['another realm', digestHeader({ realm: 'Other' })],
    ['another user', digestHeader({ username: 'root' })],
    ['a missing response', 'Digest username="admin", realm="Lookout", nonce="abc123", uri="rtsp://h/stream"'],
  ])('refuses %s', (_label, header) => {
    expect(checkAuthorization(header, credentials, 'both', context)).toBe(false);
  });

  it('refuses Digest when only Basic is offered', () => {
    expect(checkAuthorization(digestHeader(), credentials, 'basic', context)).toBe(false);
  });
});

describe('buildAuthChallenges and parseAuthParams', () => {
  it('offers Digest before Basic', () => {
    expect(buildAuthChallenges('both', 'Lookout', 'n1')).toEqual(['Digest realm="Lookout", nonce="n1"', 'Basic realm="Lookout"']);
    expect(buildAuthChallenges('basic', 'Lookout', 'n1')).toEqual(['Basic realm="Lookout"']);
    expect(buildAuthChallenges('digest', 'Lookout', 'n1')).toEqual(['Digest realm="Lookout", nonce="n1"']);
  });

  it('reads quoted and bare values, commas inside quotes included', () => {
    expect(parseAuthParams('username="a,b", qop=auth, NC=00000001')).toEqual({ username: 'a,b', qop: 'auth', nc: '00000001' });
  });
});
