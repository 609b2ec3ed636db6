import { describe, expect, it } from 'vitest';
import { resolveMediaPath } from './resolve-media-path.ts';

const known = new Set(['roof', 'test']);
const resolve = (path: string) => resolveMediaPath('/data/hls', known, path);

describe('resolveMediaPath', () => {
  it('accepts playlists and segments of known cameras', () => {
    expect(resolve('/hls/roof/index.m3u8')).toEqual({ cameraId: 'roof', file: 'index.m3u8', path: '/data/hls/roof/index.m3u8', kind: 'playlist' });
    expect(resolve('/hls/test/mwsl09qq73c5-000001.ts')?.kind).toBe('segment');
  });

  it.each([
    '/hls/roof/../../etc/passwd',
    '/hls/../roof/index.m3u8',
    '/hls/roof/%2e%2e/x.ts',
    '/hls/roof/..%2Fx.ts',
    '/hls/%2e%2e/roof/index.m3u8',
    '/hls/roof/..\\x.ts',
    '/hls//etc/passwd',
    '//hls/roof/index.m3u8',
    '/hls/roof//etc/x.ts',
    '/etc/passwd',
    '/hls/roof/a.b.ts',
    '/hls/roof/seg.ts.tmp',
    '/hls/roof/index.m3u8.1a2b3c4d.tmp',
    '/hls/roof/notes.txt',
    '/hls/roof/index.M3U8',
    '/hls/roof/.hidden.ts',
    '/hls/roof/',
    '/hls/roof',
    '/hls/unknown/index.m3u8',
    '/hls/Roof/index.m3u8',
    '/hls/roof/sub/x.ts',
  ])('refuses %s', (path) => {
    expect(resolve(path)).toBeNull();
  });
});
