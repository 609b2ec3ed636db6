// Security headers for pages. The CSP allows exactly what hls.js needs (MSE blob: media,
// a blob: worker, XHR to ourselves) and Next's inline bootstrap through a per-request nonce.

export function buildFrameAncestors(path: string, embedAllowList: string): string {
  if (!path.startsWith('/embed/')) return "'none'";
  const list = embedAllowList.split(/[\s,]+/).filter(Boolean);
  return list.length === 0 || list.includes('*') ? '*' : list.join(' ');
}

export function buildCsp(nonce: string, frameAncestors: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

export function buildSecurityHeaders(path: string, nonce: string, embedAllowList: string, dev = false): Record<string, string> {
  const ancestors = buildFrameAncestors(path, embedAllowList);
  const headers: Record<string, string> = {
    'Content-Security-Policy': buildCsp(nonce, ancestors, dev),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
  if (ancestors === "'none'") headers['X-Frame-Options'] = 'DENY';
  return headers;
}
