import { describe, expect, it } from 'vitest';
import { isCanonicalPath } from './canonical-path.ts';

describe('isCanonicalPath', () => {
  it.each(['/', '/preview.jpg', '/cameras/roof/preview.jpg', '/hls/roof/abc-000001.ts'])('accepts %s', (path) => {
    expect(isCanonicalPath(path)).toBe(true);
  });

  it.each(['', 'preview.jpg', '*', '/r1/../preview.jpg', '/./preview.jpg', '/cameras/%2e%2e/preview.jpg', '/hls//roof/index.m3u8', '/hls/roof/', '/hls\\roof', '/a%00b', '/a\u0000b', '/%c0%ae%c0%ae/x', '/cameras/.hidden/preview.jpg', '/a b'])('refuses %j', (path) => {
    expect(isCanonicalPath(path)).toBe(false);
  });
});
