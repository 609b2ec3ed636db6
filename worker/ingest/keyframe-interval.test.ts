import { describe, expect, it } from 'vitest';
import { ffprobePathFor, showsKeyframeRhythm, workableSegmentSeconds } from './keyframe-interval.ts';

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

describe('showsKeyframeRhythm', () => {
  const segment = { index: 2, clean: true, framesMissing: 0, testCamera: false };

  it("takes a run's second and third clean segment", () => {
    expect([1, 2, 3, 4].map((index) => showsKeyframeRhythm({ ...segment, index }))).toEqual([false, true, true, false]);
  });

  it('takes no damaged segment and nothing from the built-in test camera', () => {
    expect(showsKeyframeRhythm({ ...segment, clean: false })).toBe(false);
    expect(showsKeyframeRhythm({ ...segment, testCamera: true })).toBe(false);
  });

  it('takes nothing once the run has lost frames: a short or long segment would pass for the rhythm', () => {
    expect(showsKeyframeRhythm({ ...segment, framesMissing: 1 })).toBe(false);
    expect(showsKeyframeRhythm({ ...segment, index: 3, framesMissing: 51 })).toBe(false);
  });
});
