import { describe, expect, it } from 'vitest';
import { isLoopbackAddress, isSameOriginRequest, isSecureEnoughForLogin } from './request-checks.ts';

const h = (entries: Record<string, string>) => new Headers(entries);

describe('login transport', () => {
  it('allows loopback clients over HTTP and anyone over HTTPS, refuses the LAN over HTTP', () => {
    expect(isSecureEnoughForLogin(h({ 'x-lookout-client-address': '127.0.0.1' }))).toBe(true);
    expect(isSecureEnoughForLogin(h({ 'x-lookout-client-address': '::1' }))).toBe(true);
    expect(isSecureEnoughForLogin(h({ 'x-lookout-client-address': '::ffff:127.0.0.1' }))).toBe(true);
    expect(isSecureEnoughForLogin(h({ 'x-lookout-client-address': '192.168.1.5' }))).toBe(false);
    expect(isSecureEnoughForLogin(h({ 'x-lookout-client-address': '192.168.1.5', 'x-forwarded-proto': 'https' }))).toBe(true);
    expect(isSecureEnoughForLogin(h({}))).toBe(false);
  });
  it('does not take a host name for loopback', () => {
    expect(isLoopbackAddress('localhost')).toBe(false);
    expect(isLoopbackAddress('127.0.0.1.evil.example')).toBe(false);
  });
});

describe('same-origin check', () => {
  it('accepts the request host and refuses others, null and missing origins', () => {
    expect(isSameOriginRequest(h({ host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }))).toBe(true);
    expect(isSameOriginRequest(h({ host: 'cam.example', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'cam.example', origin: 'https://cam.example' }))).toBe(true);
    expect(isSameOriginRequest(h({ host: '127.0.0.1:3000', origin: 'http://evil.example' }))).toBe(false);
    expect(isSameOriginRequest(h({ host: '127.0.0.1:3000', origin: 'null' }))).toBe(false);
    expect(isSameOriginRequest(h({ host: '127.0.0.1:3000' }))).toBe(false);
    expect(isSameOriginRequest(h({ host: 'cam.example', origin: 'https://cam.example' }))).toBe(false); // scheme differs
  });
});
