import { describe, expect, it } from 'vitest';
import { chooseEncoding, type Encoding } from './choose-encoding.ts';

const ALL: Encoding[] = ['br', 'gzip', 'identity'];

describe('chooseEncoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'], // Chromium
    ['gzip, deflate', 'gzip'],
    ['GZIP', 'gzip'],
    ['x-gzip', 'gzip'],
    ['br;q=0.5, gzip;q=0.8', 'gzip'], // q decides before size
    ['br;q=0, gzip', 'gzip'],
    ['*', 'br'],
    ['identity', 'identity'],
    ['', 'identity'], // an empty header asks for no encoding
    ['deflate', 'identity'],
    ['br;q=0, gzip;q=0', 'identity'],
  ])('%j → %s', (header, expected) => {
    expect(chooseEncoding(header, ALL)).toBe(expected);
  });

  it('sends identity when the request names no encodings', () => {
    expect(chooseEncoding(undefined, ALL)).toBe('identity');
  });

  it('only offers what exists', () => {
    expect(chooseEncoding('br, gzip', ['gzip', 'identity'])).toBe('gzip');
    expect(chooseEncoding('br', ['identity'])).toBe('identity');
  });

  it('answers null when every available encoding is refused', () => {
    expect(chooseEncoding('identity;q=0', ['identity'])).toBeNull();
    expect(chooseEncoding('*;q=0', ALL)).toBeNull();
    expect(chooseEncoding('deflate, *;q=0', ['gzip', 'identity'])).toBeNull();
  });

  it('treats a malformed q as refusal rather than guessing', () => {
    expect(chooseEncoding('br;q=abc, gzip', ALL)).toBe('gzip');
  });
});
