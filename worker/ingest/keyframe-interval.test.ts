import { describe, expect, it } from 'vitest';
import { ffprobePathFor, workableSegmentSeconds } from './keyframe-interval.ts';

describe('workableSegmentSeconds', () => {
  it.each([
    [2, 1, 2],
    [2, 2, 2],
    [2, 1.6, 1.6],
    [2, 4, 4],
    [6, 4, 8],
    [5, 2, 6],
    [2, 0.5, 2],
    [2, 0, 2],
  ])('asked %s s with a keyframe every %s s → %s s', (requested, interval, expected) => {
    expect(workableSegmentSeconds(requested, interval)).toBe(expected);
  });
});

describe('ffprobePathFor', () => {
  it('finds ffprobe beside ffmpeg', () => {
    expect(ffprobePathFor('ffmpeg')).toBe('ffprobe');
    expect(ffprobePathFor('/opt/ff/bin/ffmpeg')).toBe('/opt/ff/bin/ffprobe');
    expect(ffprobePathFor('/usr/local/bin/ffmpeg-7')).toBe('ffprobe');
  });
});
