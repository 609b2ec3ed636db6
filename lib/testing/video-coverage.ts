export type Span = { start: number; end: number }; // epoch ms
export type Coverage = { share: number; longestHoleS: number };

// The share of [from, to] that spans cover, and the longest stretch none does (`hole`, so a
// failing test can say what happened there).
export function measureCoverage(spans: Span[], from: number, to: number): Coverage & { hole: Span } {
  let covered = 0;
  let hole = { start: from, end: from };
  let reached = from;
  const noteGap = (until: number) => {
    if (until - reached > hole.end - hole.start) hole = { start: reached, end: until };
  };
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(span.start, reached);
    const end = Math.min(span.end, to);
    if (start >= to) break;
    noteGap(start);
    if (end > start) covered += end - start;
    reached = Math.max(reached, end);
  }
  noteGap(to);
  return { share: covered / (to - from), longestHoleS: (hole.end - hole.start) / 1000, hole };
}

// The camera's side of a lossy run (the simulator's /status `recent`, epoch ms): when each drop
// began, when each keyframe went out, and which keyframes lost bytes to a drop.
export type CameraTimes = { drops: number[]; keyframes: number[]; hitKeyframes: number[] };

// What no receiver that keeps the integrity guarantee can show: the frames after a drop refer
// to the damaged one until the next keyframe that arrived whole, and a drop that cuts a
// keyframe's bytes (it may begin in the frame before) costs that keyframe's whole GOP.
export function forcedHoles(times: CameraTimes, from: number, to: number): Span[] {
  const hit = new Set(times.hitKeyframes);
  const whole = times.keyframes.filter((k) => !hit.has(k)).sort((a, b) => a - b);
  return times.drops.filter((t) => t >= from && t < to).map((t) => ({ start: t, end: Math.min(whole.find((k) => k >= t) ?? to, to) }));
}

// What a perfect receiver keeps: everything but the forced holes. The bound the "lose frames,
// not GOPs" rule allows, for the camera's actual drops and keyframes in this run.
export function idealCoverage(times: CameraTimes, from: number, to: number): Coverage & { hole: Span } {
  const lost = forcedHoles(times, from, to);
  const hole = longestRun(lost) ?? { start: from, end: from };
  return { share: 1 - measureCoverage(lost, from, to).share, longestHoleS: (hole.end - hole.start) / 1000, hole };
}

// The longest run of overlapping or touching spans.
export function longestRun(spans: Span[]): Span | undefined {
  let longest: Span | undefined;
  let run: Span | undefined;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (run && span.start <= run.end) run.end = Math.max(run.end, span.end);
    else run = { ...span };
    if (!longest || run.end - run.start > longest.end - longest.start) longest = { ...run };
  }
  return longest;
}
