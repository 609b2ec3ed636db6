// A live camera's picture is replaced before it is interval + 2 segments old: a segment's
// time is its start, it is published once whole, and grabbed up to an interval later. So a
// picture older than 3 × interval + 2 segments means no new image for about 3 intervals.
export function staleAfterMs(intervalSeconds: number, segmentSeconds: number): number {
  return (3 * intervalSeconds + 2 * segmentSeconds) * 1000;
}

export function ageSeconds(capturedAt: number, now: number): number {
  return Math.max(0, Math.round((now - capturedAt) / 1000));
}
