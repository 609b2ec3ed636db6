export type Span = { start: number; end: number }; // epoch ms
export type Coverage = { share: number; longestHoleS: number };

// The share of [from, to] that spans cover, and the longest stretch none does.
export function measureCoverage(spans: Span[], from: number, to: number): Coverage {
  let covered = 0;
  let longest = 0;
  let reached = from;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, reached);
    const end = Math.min(span.end, to);
    if (start >= to) break;
    longest = Math.max(longest, start - reached);
    if (end > start) covered += end - start;
    reached = Math.max(reached, end);
  }
  longest = Math.max(longest, to - reached);
  return { share: covered / (to - from), longestHoleS: longest / 1000 };
}

// What a perfect receiver keeps when it must wait for a keyframe after each loss: everything
// but [drop, next keyframe). The bound the "lose frames, not GOPs" rule allows, for the
// camera's actual drops and keyframes in this run.
export function idealCoverage(times: { drops: number[]; keyframes: number[] }, from: number, to: number): Coverage {
  const keyframes = [...times.keyframes].sort((a, b) => a - b);
  const lost = times.drops.filter((t) => t >= from && t < to).map((t) => ({ start: t, end: keyframes.find((k) => k > t) ?? to }));
  const holes = measureCoverage(lost, from, to);
  return { share: 1 - holes.share, longestHoleS: longestSpan(lost) / 1000 };
}

// The longest run of overlapping or touching spans.
function longestSpan(spans: Span[]): number {
  let longest = 0;
  let run: Span | undefined;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (run && span.start <= run.end) run.end = Math.max(run.end, span.end);
    else run = { ...span };
    longest = Math.max(longest, run.end - run.start);
  }
  return longest;
}
