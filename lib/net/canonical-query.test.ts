import { describe, expect, it } from 'vitest';
import { formatCanonicalQuery, parseCanonicalQuery, PREVIEW_QUERY } from './canonical-query.ts';

const parse = (search: string) => parseCanonicalQuery(search, PREVIEW_QUERY);

describe('parseCanonicalQuery', () => {
  it.each([
    ['', {}],
    ['?w=320', { w: '320' }],
    ['src=windy&w=640', { w: '640', src: 'windy' }],
    ['t=123&w=640&&x', { w: '640' }], // other names are ignored, and never forwarded
  ])('%j → %j', (search, params) => {
    expect(parse(search)).toEqual({ params });
  });

  it.each(['%77=320', 'W=320', 'w=320&w=320', 'w=0320', 'w=', 'w', 'w=x&w=640', 'src=Windy', 'src=a%20b', 'SRC=x', 'w=320;x=1', 'w=320+1', 'w=3\u00a0', 'src=' + 'a'.repeat(33)])('refuses %j', (search) => {
    expect(parse(search)).toEqual({ error: expect.any(String) });
  });

  it('formats the keyed parameters in one order', () => {
    expect(formatCanonicalQuery({ src: 'windy', w: '640' }, PREVIEW_QUERY)).toBe('?w=640&src=windy');
    expect(formatCanonicalQuery({}, PREVIEW_QUERY)).toBe('');
  });
});
