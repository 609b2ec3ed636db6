import { getDb } from '../../db.ts';
import { getLocalMidnight, HOUR_MS, toLocalTime } from '../../time-zone.ts';
import type { AnalyticsRange } from './range.ts';

export type StreamState = 'live' | 'reconnecting' | 'offline';
export type StreamSpan = { from: number; to: number; state: StreamState };
export type StreamHealth = {
  spans: StreamSpan[]; // consecutive, clipped to the range; time before the first known state is left out
  restarts: number;
  dropped: number;
  uptimeByDay: { date: string; uptimePercent: number | null }[]; // null: no state known that day
  latestHint: { at: number; kind: string; detail: string } | null;
};

const STATE_OF: Record<string, StreamState> = { live: 'live', starting: 'reconnecting', reconnecting: 'reconnecting', stalled: 'reconnecting', restarted: 'reconnecting', offline: 'offline' };
const STATE_KINDS = Object.keys(STATE_OF);

// One camera's ingest over the range, from the HealthEvent rows the worker journals.
export async function getStreamHealth(range: AnalyticsRange & { cameraId: string }, now = Date.now()): Promise<StreamHealth> {
  const db = getDb();
  const from = range.from.getTime();
  const to = Math.min(range.to.getTime(), now);
  const { cameraId } = range;
  const at = { gte: range.from, lt: new Date(to) };
  // Only state changes are read one by one; restarts and drops are counted in the database.
  const [before, events, counts, hint] = await Promise.all([
    db.healthEvent.findFirst({ where: { cameraId, kind: { in: STATE_KINDS }, at: { lt: range.from } }, orderBy: { at: 'desc' }, select: { kind: true } }),
    db.healthEvent.findMany({ where: { cameraId, kind: { in: STATE_KINDS }, at }, orderBy: { at: 'asc' }, select: { at: true, kind: true } }),
    db.healthEvent.groupBy({ by: ['kind'], where: { cameraId, kind: { in: ['restarted', 'dropped'] }, at }, _count: { _all: true } }),
    db.healthEvent.findFirst({ where: { cameraId, kind: { in: ['reconnecting', 'stalled', 'offline'] }, detail: { not: '' }, at: { lt: new Date(to) } }, orderBy: { at: 'desc' }, select: { at: true, kind: true, detail: true } }),
  ]);
  const spans: StreamSpan[] = [];
  let current: StreamSpan | null = before ? { from, to, state: STATE_OF[before.kind]! } : null;
  const restarts = counts.find((c) => c.kind === 'restarted')?._count._all ?? 0;
  const dropped = counts.find((c) => c.kind === 'dropped')?._count._all ?? 0;
  for (const event of events) {
    const state = STATE_OF[event.kind];
    if (!state || state === current?.state) continue;
    const at = event.at.getTime();
    if (current) spans.push({ ...current, to: at });
    current = { from: at, to, state };
  }
  if (current) spans.push(current);
  return { spans: spans.filter((s) => s.to > s.from), restarts, dropped, uptimeByDay: computeUptimeByDay(spans, from, to, range.timeZone), latestHint: hint && { at: hint.at.getTime(), kind: hint.kind, detail: hint.detail } };
}

// Spans are sorted and do not overlap, so one sweep serves every day (a year is 365 days of a
// camera's ~800 spans: comparing each day with every span cost ~300k steps per camera).
function computeUptimeByDay(spans: StreamSpan[], from: number, to: number, timeZone: string): StreamHealth['uptimeByDay'] {
  const days: StreamHealth['uptimeByDay'] = [];
  let first = 0; // the first span that may still reach into the current day
  for (let start = getLocalMidnight(from, timeZone); start < to; ) {
    const end = getLocalMidnight(start + 26 * HOUR_MS, timeZone);
    let known = 0;
    let live = 0;
    while (first < spans.length && spans[first]!.to <= start) first++;
    for (let i = first; i < spans.length && spans[i]!.from < end; i++) {
      const span = spans[i]!;
      const overlap = Math.min(span.to, end, to) - Math.max(span.from, start, from);
      if (overlap <= 0) continue;
      known += overlap;
      if (span.state === 'live') live += overlap;
    }
    days.push({ date: toLocalTime(start, timeZone).date, uptimePercent: known > 0 ? (100 * live) / known : null });
    start = end;
  }
  return days;
}
