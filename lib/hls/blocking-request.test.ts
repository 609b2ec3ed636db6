import { describe, expect, it } from 'vitest';
import { parseBlockingRequest } from './blocking-request.ts';

describe('parseBlockingRequest', () => {
  it.each([
    ['', null],
    ['?x=1', null],
    ['_HLS_msn=12', { msn: 12 }],
    ['_HLS_msn=0', { msn: 0 }],
    ['_HLS_msn=12&_HLS_part=1', { msn: 12 }],
  ])('%j → %j', (search, expected) => {
    expect(parseBlockingRequest(search)).toEqual(expected);
  });

  it.each(['_HLS_msn=', '_HLS_msn', '_HLS_msn=1e3', '_HLS_msn=9999999999999999', '_HLS_msn=01', '_HLS_msn=-1', '%5FHLS_msn=3', '_hls_msn=3', '_HLS_MSN=3', '_HLS_msn=3&_HLS_msn=3', '_HLS_msn=3&_hls_msn=x', '_HLS_msn=3%0d%0aX:1', '_HLS_msn=+3'])('refuses %j', (search) => {
    expect(parseBlockingRequest(search)).toEqual({ error: expect.any(String) });
  });
});
