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

  it('keeps about windowSize target durations of video when a lossy camera publishes GOPs in pieces', () => {
    const piece = (n: number, duration: number) => ({ ...seg(n), duration });
    const durations = [2, 2, 2, 0.04, 1, 0.4, 1, 0.2, 1];
    const playlist = durations.reduce((p, d, i) => appendSegment(p, piece(i, d), 3).playlist, createPlaylist(2));
    const seconds = playlist.segments.reduce((sum, s) => sum + s.duration, 0);
    expect(seconds).toBeGreaterThanOrEqual(2.5 * 2); // a count of 3 would have kept 2.2 s
    expect(playlist.segments.map((s) => s.name)).toEqual(['r-2.ts', 'r-3.ts', 'r-4.ts', 'r-5.ts', 'r-6.ts', 'r-7.ts', 'r-8.ts']);
    expect(playlist.mediaSequence).toBe(2);
    // …but not without end: at most 10 × the count, whatever the durations.
    const frames = Array.from({ length: 100 }, (_, i) => i).reduce((p, i) => appendSegment(p, piece(i, 0.04), 3).playlist, createPlaylist(2));
    expect(frames.segments).toHaveLength(30);
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
