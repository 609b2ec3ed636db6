import { describe, expect, it } from 'vitest';
import { buildSecurityHeaders } from './security-headers.ts';

describe('security headers', () => {
  it('forbids framing of normal pages and allows hls.js media and workers', () => {
    const headers = buildSecurityHeaders('/cameras/roof', 'abc', '*');
    expect(headers['X-Frame-Options']).toBe('DENY');
    const csp = headers['Content-Security-Policy']!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("media-src 'self' blob:");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('lets embeds be framed by anyone by default, or by an allow-list', () => {
    expect(buildSecurityHeaders('/embed/roof', 'n', '*')['Content-Security-Policy']).toContain('frame-ancestors *');
    const listed = buildSecurityHeaders('/embed/roof', 'n', 'https://a.example, https://b.example');
    expect(listed['Content-Security-Policy']).toContain('frame-ancestors https://a.example https://b.example');
    expect(listed['X-Frame-Options']).toBeUndefined();
  });
});
