import { describe, expect, it } from 'vitest';
import { matchMediaRoute } from './media-route.ts';

describe('matchMediaRoute', () => {
  it.each([
    ['/hls/test/index.m3u8', '/hls/test/index.m3u8'],
    ['/hls/test/abc-000001.ts', '/hls/test/abc-000001.ts'],
    ['/hls/test/index.m3u8?x=1', '/hls/test/index.m3u8'],
    ['/hls/test/a-1.ts?_HLS_msn=5%00', '/hls/test/a-1.ts'],
    ['/hls/x/notes.txt', '/hls/x/notes.txt'], // canonical: the origin says 404
    ['/preview.jpg', '/preview.jpg'],
    ['/preview.jpg?w=640', '/preview.jpg?w=640'],
    ['/preview.jpg?src=windy&t=17&w=640', '/preview.jpg?w=640&src=windy'],
    ['/cameras/roof/preview.jpg?w=320', '/cameras/roof/preview.jpg?w=320'],
  ])('passes %s to the origin as %s', (url, path) => {
    expect(matchMediaRoute(url)).toEqual({ path });
  });

  it('marks a blocking reload, with the playlist\'s plain path', () => {
    expect(matchMediaRoute('/hls/test/index.m3u8?_HLS_msn=5')).toEqual({ path: '/hls/test/index.m3u8?_HLS_msn=5', plainPath: '/hls/test/index.m3u8' });
    expect(matchMediaRoute('/hls/test/index.m3u8?_HLS_msn=5&_HLS_part=2&x=1')).toEqual({ path: '/hls/test/index.m3u8?_HLS_msn=5', plainPath: '/hls/test/index.m3u8' });
  });

  it.each(['/hls/test/%E0%A4%A', '/hls/test/..%2f..%2fpackage.json', '/hls//index.m3u8', '/cameras//preview.jpg', '/hls/../status.json', '/hls/%2e%2e/status.json', '/hls/test/.', '/cameras/../preview.jpg', '/cameras/%2E/preview.jpg', '/cameras/roof%20top/preview.jpg', '/hls/test/'])(
    'calls %s a bad path',
    (url) => {
      expect(matchMediaRoute(url)).toEqual({ error: 'bad_path' });
    },
  );

  it.each(['/hls/test/index.m3u8?_HLS_msn=5%0d%0aX:1', '/hls/test/index.m3u8?%5FHLS_msn=x&_HLS_msn=5', '/hls/test/index.m3u8?_hls_msn=5', '/hls/test/index.m3u8?_HLS_msn=05', '/preview.jpg?%77=320', '/preview.jpg?w=x&w=640', '/preview.jpg?W=320'])('calls %s a bad query', (url) => {
    expect(matchMediaRoute(url)).toEqual({ error: 'bad_query' });
  });

  it.each(['/', '/cameras/test', '/hlsx/test', '/api/health', '/cameras/test/preview.png', '/preview.jpgx'])('leaves %s to Next', (url) => {
    expect(matchMediaRoute(url)).toBeNull();
  });
});
