import { describe, expect, it } from 'vitest';
import { countViewersNow, forgetViewer, touchViewer } from './viewers-now.ts';

describe('viewers now', () => {
  it('counts page views heard from in the last 90 s, per camera and in all', () => {
    const t = 1_000_000;
    touchViewer('a', 'roof', t);
    touchViewer('b', 'roof', t + 10_000);
    touchViewer('c', 'pier', t + 20_000);
    expect(countViewersNow('roof', t + 20_000)).toBe(2);
    expect(countViewersNow(undefined, t + 20_000)).toBe(3);
    expect(countViewersNow('roof', t + 95_000)).toBe(1); // a is past the window
    forgetViewer('b');
    expect(countViewersNow('roof', t + 95_000)).toBe(0);
    expect(countViewersNow('pier', t + 95_000)).toBe(1);
  });
});
