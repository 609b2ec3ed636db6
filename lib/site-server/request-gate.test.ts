import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { API_BODY_LIMIT, gateRequest } from './request-gate.ts';

const gate = (method: string, url: string, headers: Record<string, string> = {}) => gateRequest({ method, url, headers } as unknown as IncomingMessage)?.status ?? 'pass';

describe('gateRequest', () => {
  it.each([
    ['GET', '/'],
    ['HEAD', '/cameras/roof'],
    ['GET', '/embed/roof?autoplay=1'],
    ['GET', '/cameras/%5Bid%5D'],
    ['GET', '/cameras/roof/'],
    ['GET', '/_next/static/chunks/app/cameras/%5Bid%5D/page-1.js'],
    ['POST', '/api/beacon'],
    ['OPTIONS', '/api/beacon'],
    ['DELETE', '/api/auth/session'],
  ])('lets %s %s through', (method, url) => {
    expect(gate(method, url)).toBe('pass');
  });

  it.each([
    ['GET', '/embed/%ff', 400],
    ['GET', '/cameras/%', 400],
    ['OPTIONS', '*', 400],
    ['GET', 'http://evil.example/', 400],
    ['GET', '/r1/../cameras/roof', 400],
    ['GET', '/cameras/%2e%2e/x', 400],
    ['GET', '/a%2fb', 400],
    ['GET', '//preview.jpg', 400],
    ['GET', '/cameras/cam/%70review.jpg', 400],
    ['GET', '/%41', 400],
    ['GET', '/a%2Db', 400],
    ['GET', '/a%7e', 400],
    ['GET', '/cameras//roof', 400],
    ['GET', '/a%00', 400],
    ['GET', '/a\\b', 400],
    ['GET', '/%c0%ae%c0%ae/x', 400],
    ['TRACE', '/', 405],
    ['TRACE', '/api/health', 405],
    ['CONNECT', '/', 405],
    ['POST', '/', 405],
    ['PUT', '/cameras/roof', 405],
    ['PROPFIND', '/', 405],
    ['POST', '/_next/static/chunks/a.js', 405],
  ])('refuses %s %s with %i', (method, url, status) => {
    expect(gate(method, url)).toBe(status);
  });

  it('says which methods a page takes', () => {
    expect(gateRequest({ method: 'DELETE', url: '/', headers: {} } as unknown as IncomingMessage)?.headers).toEqual({ Allow: 'GET, HEAD' });
  });

  it('refuses bodies above the route class limit before reading them', () => {
    expect(gate('GET', '/', { 'content-length': '1' })).toBe(413);
    expect(gate('GET', '/', { 'content-length': '0' })).toBe('pass');
    expect(gate('GET', '/', { 'transfer-encoding': 'chunked' })).toBe(413);
    expect(gate('POST', '/api/beacon', { 'content-length': String(API_BODY_LIMIT) })).toBe('pass');
    expect(gate('POST', '/api/beacon', { 'content-length': String(API_BODY_LIMIT + 1) })).toBe(413);
    expect(gate('POST', '/api/beacon', { 'transfer-encoding': 'chunked' })).toBe(411);
  });
});
