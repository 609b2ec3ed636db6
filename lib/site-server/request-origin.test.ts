import { describe, expect, it } from 'vitest';
import { resolveRequestOrigin } from './request-origin.ts';

const resolve = (headers: Record<string, string>, env: { PUBLIC_URL?: string; ALLOWED_HOSTS?: string } = {}) => resolveRequestOrigin(new Headers(headers), { PORT: 3000, ...env });

describe('resolveRequestOrigin', () => {
  it('uses PUBLIC_URL whatever the request says', () => {
    expect(resolve({ host: 'evil.example', 'x-forwarded-proto': 'javascript' }, { PUBLIC_URL: 'https://cam.example.org/' })).toBe('https://cam.example.org');
  });

  it('takes a valid host and an http(s) scheme from the request', () => {
    expect(resolve({ host: 'cam.example.org:8080' })).toBe('http://cam.example.org:8080');
    expect(resolve({ host: 'x', 'x-forwarded-host': 'Cam.Example.org, proxy', 'x-forwarded-proto': 'HTTPS' })).toBe('https://cam.example.org');
    expect(resolve({ host: '[::1]:3000' })).toBe('http://[::1]:3000');
  });

  it.each([
    [{ host: 'a b' }, 'http://127.0.0.1:3000'],
    [{ host: 'ok.example', 'x-forwarded-host': 'a b' }, 'http://127.0.0.1:3000'],
    [{ host: 'evil.example/x?' }, 'http://127.0.0.1:3000'],
    [{ host: 'evil.example:99999' }, 'http://127.0.0.1:3000'],
    [{ host: 'ok.example', 'x-forwarded-proto': 'javascript' }, 'http://ok.example'],
    [{ 'x-forwarded-proto': '' }, 'http://127.0.0.1:3000'],
  ])('never reflects garbage: %j → %s', (headers, origin) => {
    expect(resolve(headers)).toBe(origin);
  });

  it('accepts only ALLOWED_HOSTS when set, falling back to the first', () => {
    const env = { ALLOWED_HOSTS: 'cam.example.org, 192.168.1.5:3000' };
    expect(resolve({ host: 'cam.example.org:8443' }, env)).toBe('http://cam.example.org:8443');
    expect(resolve({ host: '192.168.1.5:3000' }, env)).toBe('http://192.168.1.5:3000');
    expect(resolve({ host: '192.168.1.5:3001' }, env)).toBe('http://cam.example.org');
    expect(resolve({ host: 'evil.example' }, env)).toBe('http://cam.example.org');
  });
});
