import { describe, expect, it } from 'vitest';
import { clearLoginFailures, getLoginRetryAfter, recordLoginFailure, WINDOW_MS } from './login-throttle.ts';

describe('login throttle', () => {
  it('lets five failures through, then asks the client to wait until the oldest leaves the window', () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(getLoginRetryAfter('198.51.100.7', t0 + i * 1000)).toBe(0);
      recordLoginFailure('198.51.100.7', t0 + i * 1000);
    }
    expect(getLoginRetryAfter('198.51.100.7', t0 + 5000)).toBe((WINDOW_MS - 5000) / 1000);
    expect(getLoginRetryAfter('198.51.100.8', t0 + 5000)).toBe(0); // another client is not affected
    expect(getLoginRetryAfter('198.51.100.7', t0 + WINDOW_MS)).toBe(0); // the first failure has aged out
  });

  it('forgets a client after a successful login', () => {
    for (let i = 0; i < 5; i++) recordLoginFailure('203.0.113.9', 5000);
    expect(getLoginRetryAfter('203.0.113.9', 5001)).toBeGreaterThan(0);
    clearLoginFailures('203.0.113.9');
    expect(getLoginRetryAfter('203.0.113.9', 5001)).toBe(0);
  });
});
