import { Socket } from 'node:net';
import { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, compileTrustedProxies, getClientAddress, stampClientAddress } from './client-address.ts';

function requestFrom(peer: string, headers: Record<string, string>): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: peer });
  const request = new IncomingMessage(socket);
  request.headers = { ...headers };
  return request;
}

describe('stampClientAddress', () => {
  const trust = compileTrustedProxies('loopback');

  it('believes X-Forwarded-For from a trusted proxy', () => {
    const request = requestFrom('127.0.0.1', { 'x-forwarded-for': '203.0.113.7', 'x-forwarded-host': 'cam.example' });
    stampClientAddress(request, trust);
    expect(request.headers[CLIENT_ADDRESS_HEADER]).toBe('203.0.113.7');
    expect(request.headers['x-forwarded-host']).toBe('cam.example');
  });

  it('ignores forwarded headers spoofed by anyone else', () => {
    const request = requestFrom('198.51.100.9', {
      'x-forwarded-for': '203.0.113.7',
      'x-forwarded-host': 'evil.example',
      'x-forwarded-proto': 'javascript',
      [CLIENT_ADDRESS_HEADER]: '192.0.2.1',
    });
    stampClientAddress(request, trust);
    expect(request.headers[CLIENT_ADDRESS_HEADER]).toBe('198.51.100.9');
    expect(request.headers['x-forwarded-host']).toBeUndefined();
    expect(request.headers['x-forwarded-proto']).toBeUndefined();
  });

  it('stops at the first untrusted hop of a chain', () => {
    const request = requestFrom('127.0.0.1', { 'x-forwarded-for': '192.0.2.1, 203.0.113.7, 10.0.0.2' });
    stampClientAddress(request, compileTrustedProxies('loopback, 10.0.0.0/8'));
    expect(request.headers[CLIENT_ADDRESS_HEADER]).toBe('203.0.113.7');
  });

  it('is read back by route handlers', () => {
    expect(getClientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: '203.0.113.7' }))).toBe('203.0.113.7');
    expect(getClientAddress(new Headers())).toBeUndefined();
  });

  it('rejects a malformed proxy list', () => {
    expect(() => compileTrustedProxies('loopback, 300.1.2.3/8')).toThrow();
  });
});
