import { describe, expect, it } from 'vitest';
import { parsePlaylist } from './parse-playlist.ts';
import { appendSegment, createPlaylist, renderPlaylist, type Playlist } from './playlist.ts';

const seg = (n: number, discontinuity = false) => ({ name: `r-${n}.ts`, duration: 2, programDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, n * 2)).toISOString(), discontinuity });

function fill(flags: boolean[], windowSize = 3): Playlist {
  return flags.reduce((p, d, i) => appendSegment(p, seg(i, d), windowSize).playlist, createPlaylist(2));
}

describe('playlist model', () => {
  it('slides the window and counts the media sequence', () => {
    const playlist = fill([false, false, false, false, false]);
    expect(playlist.mediaSequence).toBe(2);
    expect(playlist.segments.map((s) => s.name)).toEqual(['r-2.ts', 'r-3.ts', 'r-4.ts']);
  });

  it('counts discontinuities only once their segment has left the window', () => {
    const playlist = fill([false, true, false, true, false]);
    // r-1 (discontinuity) has left; r-3's tag is still in the playlist
    expect(playlist.discontinuitySequence).toBe(1);
    const parsed = parsePlaylist(renderPlaylist(playlist));
    expect(parsed.segments.map((s) => s.discontinuity)).toEqual([false, true, false]);
  });

  it('renders a spec-shaped live playlist', () => {
    const text = renderPlaylist(fill([false, true]));
    expect(text).toBe(
      [
        '#EXTM3U',
        '#EXT-X-VERSION:3',
        '#EXT-X-TARGETDURATION:2',
        '#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES',
        '#EXT-X-MEDIA-SEQUENCE:0',
        '#EXT-X-DISCONTINUITY-SEQUENCE:0',
        '#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:00.000Z',
        '#EXTINF:2.000,',
        'r-0.ts',
        '#EXT-X-DISCONTINUITY',
        '#EXT-X-PROGRAM-DATE-TIME:2026-01-01T00:00:02.000Z',
        '#EXTINF:2.000,',
        'r-1.ts',
        '',
      ].join('\n'),
    );
    expect(parsePlaylist(text)).toMatchObject({ targetDuration: 2, endList: false, mediaSequence: 0 });
  });
});
