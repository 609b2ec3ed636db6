import { describe, expect, it } from 'vitest';
import { matchMediaRoute } from './media-route.ts';

describe('matchMediaRoute', () => {
  it.each([
    ['/hls/test/index.m3u8', '/hls/test/index.m3u8'],
    ['/hls/test/abc-000001.ts', '/hls/test/abc-000001.ts'],
    ['/hls/test/index.m3u8?_HLS_msn=5', '/hls/test/index.m3u8?_HLS_msn=5'], // a blocking reload
    ['/hls/test/index.m3u8?_HLS_msn=5&_HLS_part=2&x=1', '/hls/test/index.m3u8?_HLS_msn=5'],
    ['/hls/test/index.m3u8?_HLS_msn=5%0d%0aX:1', '/hls/test/index.m3u8'],
    ['/hls/test/index.m3u8?x=1', '/hls/test/index.m3u8'],
    ['/hls/test/a-1.ts?_HLS_msn=5', '/hls/test/a-1.ts'],
    ['/preview.jpg', '/preview.jpg'],
    ['/preview.jpg?w=640', '/preview.jpg?w=640'],
    ['/cameras/roof/preview.jpg?w=320', '/cameras/roof/preview.jpg?w=320'],
    ['/cameras/roof%20top/preview.jpg', '/cameras/roof%20top/preview.jpg'],
  ])('passes %s to the origin as %s', (url, path) => {
    expect(matchMediaRoute(url)).toEqual({ path });
  });

  it('re-encodes a traversal attempt into one file name the origin refuses', () => {
    expect(matchMediaRoute('/hls/test/..%2f..%2fpackage.json')).toEqual({ path: '/hls/test/..%2F..%2Fpackage.json' });
    expect(matchMediaRoute('/hls/..%2F..%2Fetc/passwd')).toEqual({ path: '/hls/..%2F..%2Fetc/passwd' });
  });

  it.each(['/hls/test/%E0%A4%A', '/hls//index.m3u8', '/cameras//preview.jpg', '/hls/../status.json', '/hls/%2e%2e/status.json', '/hls/test/.', '/cameras/../preview.jpg', '/cameras/%2E/preview.jpg'])('calls %s a bad path', (url) => {
    expect(matchMediaRoute(url)).toEqual({ error: 'bad_path' });
  });

  it.each(['/', '/cameras/test', '/hls/test', '/hls/test/a/b.ts', '/hls/../../package.json', '/api/health', '/cameras/test/preview.png', '/preview.jpgx'])(
    'leaves %s to Next',
    (url) => {
      expect(matchMediaRoute(url)).toBeNull();
    },
  );
});
