import { describe, expect, it } from 'vitest';
import { offlineAfterMs } from './hls-config';

describe('offlineAfterMs', () => {
  it('waits out a segment and two lost GOPs before calling the camera offline', () => {
    expect(offlineAfterMs(2)).toBe(10_000);
    expect(offlineAfterMs(4)).toBe(18_000);
  });
  it('never calls a short-segment camera offline within 8 s', () => {
    expect(offlineAfterMs(1)).toBe(8_000);
    expect(offlineAfterMs(0.5)).toBe(8_000);
  });
});
