import { describe, expect, it } from 'vitest';
import { parseBlockingRequest } from './blocking-request.ts';

describe('parseBlockingRequest', () => {
  it.each([
    ['', null],
    ['?x=1', null],
    ['_HLS_msn=12', { msn: 12 }],
    ['_HLS_msn=12&_HLS_part=1', { msn: 12 }],
    ['_HLS_msn=', { error: expect.any(String) }],
    ['_HLS_msn=1e3', { error: expect.any(String) }],
    ['_HLS_msn=9999999999999999', { error: expect.any(String) }],
  ])('%j → %j', (search, expected) => {
    expect(parseBlockingRequest(search)).toEqual(expected);
  });
});
