import { describe, expect, it } from 'vitest';
import { Authenticator, credentialsFromUrl, digestResponse, parseChallenges } from './auth.ts';

const mufasa = { username: 'Mufasa', password: 'Circle Of Life' };

describe('digestResponse', () => {
  it('matches the RFC 2617 section 3.5 example (qop=auth)', () => {
    const response = digestResponse({
      credentials: mufasa,
      realm: 'testrealm@host.com',
      nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093',
      method: 'GET',
      uri: '/dir/index.html',
      qop: { nc: '00000001', cnonce: '0a4f113b' },
    });
    expect(response).toBe('6629fae49393a05397450978507c4ef1');
  });

  it('without qop is MD5(HA1:nonce:HA2) (RFC 2069, what most cameras ask for)', () => {
    // HA1 = MD5("Mufasa:testrealm@host.com:Circle Of Life"), HA2 = MD5("GET:/dir/index.html")
    expect(digestResponse({ credentials: mufasa, realm: 'testrealm@host.com', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', method: 'GET', uri: '/dir/index.html' })).toBe(
      '670fd8c2df070c60b045671b8b24ff02',
    );
  });
});

describe('parseChallenges', () => {
  it('prefers Digest over Basic and reads quoted and bare fields', () => {
    const [first, second] = parseChallenges(['Basic realm="cam"', 'Digest realm="Lookout", nonce="abc", qop="auth,auth-int", algorithm=MD5']);
    expect(first).toEqual({ scheme: 'digest', params: { realm: 'Lookout', nonce: 'abc', qop: 'auth,auth-int', algorithm: 'MD5' } });
    expect(second).toEqual({ scheme: 'basic', params: { realm: 'cam' } });
  });
});

describe('Authenticator', () => {
  it('answers Basic with base64(user:password)', () => {
    const auth = new Authenticator({ username: 'admin', password: 'p:w' }, { scheme: 'basic', params: {} });
    expect(auth.header('DESCRIBE', 'rtsp://h/s')).toBe(`Basic ${Buffer.from('admin:p:w').toString('base64')}`);
  });

  it('answers Digest for each method and URI, counting nc up when qop=auth is offered', () => {
    const auth = new Authenticator(mufasa, { scheme: 'digest', params: { realm: 'r', nonce: 'n', qop: 'auth' } });
    const first = auth.header('DESCRIBE', 'rtsp://h/s');
    const second = auth.header('SETUP', 'rtsp://h/s/trackID=0');
    expect(first).toMatch(/^Digest username="Mufasa", realm="r", nonce="n", uri="rtsp:\/\/h\/s", response="[0-9a-f]{32}", qop=auth, nc=00000001, cnonce="[0-9a-f]+"$/);
    expect(second).toContain('nc=00000002');
    const cnonce = /cnonce="(\w+)"/.exec(second)![1]!;
    const expected = digestResponse({ credentials: mufasa, realm: 'r', nonce: 'n', method: 'SETUP', uri: 'rtsp://h/s/trackID=0', qop: { nc: '00000002', cnonce } });
    expect(second).toContain(`response="${expected}"`);
  });
});

describe('credentialsFromUrl', () => {
  it('percent-decodes the user name and password', () => {
    expect(credentialsFromUrl('rtsp://ad%40min:p%3Aw%20d@h/s')).toEqual({ username: 'ad@min', password: 'p:w d' });
    expect(credentialsFromUrl('rtsp://h/s')).toBeUndefined();
  });
});
