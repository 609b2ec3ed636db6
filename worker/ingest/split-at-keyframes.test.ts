import { describe, expect, it } from 'vitest';
import { buildSplitArgs, parsePieceList } from './split-at-keyframes.ts';

describe('buildSplitArgs', () => {
  it('cuts at every keyframe and keeps the timestamps', () => {
    expect(buildSplitArgs('/s/a.ts', '/s/a_g%d.ts')).toEqual([
      '-hide_banner', '-nostdin', '-nostats', '-v', 'error', '-copyts', '-i', '/s/a.ts',
      '-map', '0:v:0', '-c', 'copy', '-muxdelay', '0', '-muxpreload', '0',
      '-f', 'segment', '-segment_format', 'mpegts', '-segment_time', '0.01', '-reset_timestamps', '0',
      '-segment_list', 'pipe:1', '-segment_list_type', 'csv', '/s/a_g%d.ts',
    ]);
  });
});

describe('parsePieceList', () => {
  it('gives the first piece what the others leave of the segment', () => {
    const csv = 'a_g0.ts,0.000000,102.400000\na_g1.ts,102.400000,103.400000\n';
    expect(parsePieceList(csv, 2)).toEqual([
      { name: 'a_g0.ts', duration: 1 },
      { name: 'a_g1.ts', duration: expect.closeTo(1, 5) },
    ]);
  });

  it('ignores junk lines and empty output', () => {
    expect(parsePieceList('', 2)).toEqual([]);
    expect(parsePieceList('../x.ts,0,1\nnot csv\n', 2)).toEqual([]);
  });
});
