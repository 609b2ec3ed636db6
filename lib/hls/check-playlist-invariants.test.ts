import { describe, expect, it } from 'vitest';
import { checkPlaylistStep, checkPlaylistVersion, recordSeen } from './check-playlist-invariants.ts';
import { parsePlaylist, type ParsedPlaylist } from './parse-playlist.ts';
import { appendSegment, createPlaylist, renderPlaylist, type Playlist } from './playlist.ts';

const NOW = Date.UTC(2026, 0, 1, 0, 1, 0);
const seg = (n: number, discontinuity = false, duration = 2) => ({ name: `r-${n}.ts`, duration, programDateTime: new Date(Date.UTC(2026, 0, 1, 0, 0, n * 2)).toISOString(), discontinuity });
const parse = (playlist: Playlist): ParsedPlaylist => parsePlaylist(renderPlaylist(playlist));

function versions(flags: boolean[], windowSize = 3): ParsedPlaylist[] {
  const out: ParsedPlaylist[] = [];
  flags.reduce((p, d, i) => {
    const next = appendSegment(p, seg(i, d), windowSize).playlist;
    out.push(parse(next));
    return next;
  }, createPlaylist(2));
  return out;
}

describe('playlist invariants', () => {
  it('accepts every version and step the worker’s playlist model produces', () => {
    const seen = new Map<string, number>();
    const all = versions([false, true, false, false, true, false, false, false]);
    all.forEach((version, i) => {
      expect(checkPlaylistVersion(version, NOW, seen)).toEqual([]);
      if (i > 0) expect(checkPlaylistStep(all[i - 1]!, version)).toEqual([]);
      recordSeen(version, seen);
    });
  });

  it('catches a reused segment name under another sequence number', () => {
    const seen = new Map([['r-1.ts', 7]]);
    expect(checkPlaylistVersion(versions([false, false])[1]!, NOW, seen)).toEqual(['r-1.ts: was sequence 7, now 1 (a name reused or renumbered)']);
  });

  it('catches ENDLIST, a long EXTINF, missing and future PROGRAM-DATE-TIME', () => {
    const base = parse(appendSegment(createPlaylist(2), seg(0, false, 2.6), 3).playlist);
    const broken: ParsedPlaylist = { ...base, endList: true, segments: [...base.segments, { name: 'x.ts', duration: 2, discontinuity: false }] };
    const problems = checkPlaylistVersion(broken, NOW, new Map());
    expect(problems).toContain('EXT-X-ENDLIST while the camera is live');
    expect(problems).toContain('r-0.ts: EXTINF 2.6 rounds above the target duration 2');
    expect(problems).toContain('x.ts: no EXT-X-PROGRAM-DATE-TIME');
    const clean = parse(appendSegment(createPlaylist(2), seg(0), 3).playlist);
    expect(checkPlaylistVersion(clean, Date.UTC(2025, 0, 1), new Map())).toEqual(['r-0.ts: PROGRAM-DATE-TIME is in the future']);
  });

  it('catches a changed target duration, a falling sequence and a wrong discontinuity sequence', () => {
    const [a, b] = versions([true, false, false, false]).slice(2);
    expect(checkPlaylistStep(a!, { ...b!, targetDuration: 4 })).toContain('target duration changed 2 → 4');
    expect(checkPlaylistStep(b!, a!)).toContain('media sequence went down 1 → 0');
    // r-0 carried a tag and left between a and b: the discontinuity sequence must count it.
    expect(checkPlaylistStep(a!, { ...b!, discontinuitySequence: 0 })).toEqual(['discontinuity sequence 0, expected 1']);
  });

  it('catches a segment whose tags or place changed between versions', () => {
    const [a, b] = versions([false, false, false]).slice(1);
    const moved = { ...b!, segments: [b!.segments[1]!, b!.segments[0]!, b!.segments[2]!] };
    expect(checkPlaylistStep(a!, moved)).toContain('sequence 0: r-0.ts became r-1.ts');
    const retagged = { ...b!, segments: b!.segments.map((s, i) => (i === 1 ? { ...s, discontinuity: true } : s)) };
    expect(checkPlaylistStep(a!, retagged)).toEqual(['r-1.ts: its tags changed']);
  });
});
