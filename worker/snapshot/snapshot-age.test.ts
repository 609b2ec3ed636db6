import { describe, expect, it } from 'vitest';
import { ageSeconds, staleAfterMs } from './snapshot-age.ts';

describe('staleAfterMs', () => {
  it('is three intervals plus the two segments a live picture may lag', () => {
    expect(staleAfterMs(10, 2)).toBe(34_000);
    expect(staleAfterMs(2, 2)).toBe(10_000);
    // Long segments replace the picture rarely; that alone must not look like an outage.
    expect(staleAfterMs(2, 10)).toBe(26_000);
  });
});

describe('ageSeconds', () => {
  it('rounds to whole seconds and never goes below zero', () => {
    expect(ageSeconds(1_000, 36_600)).toBe(36);
    expect(ageSeconds(5_000, 1_000)).toBe(0);
  });
});
