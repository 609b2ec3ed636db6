import type { StreamSpan, StreamState } from '../queries/analytics/get-stream-health.ts';

const SEVERITY: StreamState[] = ['offline', 'reconnecting', 'live'];

// The health timeline at the resolution it is drawn: [from, to) cut into `columns` equal
// columns, each coloured by the worse of offline and reconnecting when that state holds at
// least `minShare` of the column's known time, else by its most common state; equal
// neighbours merge. A year of a cheap camera (~800 spans, most a one-minute reconnect) becomes
// a few dozen rects in which every hours-long outage still shows, while a day keeps every
// reconnect longer than a few seconds. Columns with no known state stay empty.
export function fitSpansToColumns(spans: StreamSpan[], from: number, to: number, { columns = 1000, minShare = 0.05 } = {}): StreamSpan[] {
  const width = (to - from) / columns;
  const out: StreamSpan[] = [];
  if (!(width > 0)) return out;
  let next = 0; // the first span that may still reach into the current column
  for (let i = 0; i < columns; i++) {
    const start = from + i * width;
    const end = i === columns - 1 ? to : from + (i + 1) * width;
    const time: Record<StreamState, number> = { live: 0, reconnecting: 0, offline: 0 };
    while (next < spans.length && spans[next]!.to <= start) next++;
    for (let j = next; j < spans.length && spans[j]!.from < end; j++) {
      const overlap = Math.min(spans[j]!.to, end) - Math.max(spans[j]!.from, start);
      if (overlap > 0) time[spans[j]!.state] += overlap;
    }
    const known = time.live + time.reconnecting + time.offline;
    if (known === 0) continue;
    const state = SEVERITY.find((s) => s !== 'live' && time[s] >= minShare * known) ?? SEVERITY.reduce((a, b) => (time[b] > time[a] ? b : a));
    const last = out.at(-1);
    if (last && last.state === state && last.to === start) last.to = end;
    else out.push({ from: start, to: end, state });
  }
  return out;
}
