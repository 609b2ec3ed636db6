import { describe, expect, it } from 'vitest';
import { readOriginTarget } from './origin-target.ts';

describe('readOriginTarget', () => {
  it('splits a canonical target into path and query', () => {
    expect(readOriginTarget('/preview.jpg?w=320')).toEqual({ path: '/preview.jpg', search: 'w=320' });
    expect(readOriginTarget('/hls/cam/index.m3u8')).toEqual({ path: '/hls/cam/index.m3u8', search: '' });
  });

  it.each(['/r1/../preview.jpg', '/cameras/../preview.jpg', '/cameras/%2e%2e/preview.jpg', '//preview.jpg', '*', 'http://x/preview.jpg', '/hls/cam/./index.m3u8'])('refuses %s', (url) => {
    expect(readOriginTarget(url)).toBeNull();
  });
});
