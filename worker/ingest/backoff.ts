// Immediate first retry, then 1 s, 2 s, 4 s … capped at 60 s. A camera that was live a
// moment ago (a reboot, a dropped link) is retried at most 5 s apart for a while, so
// viewers get it back within seconds of its return instead of after a long pause.
export function restartDelayMs(failures: number, { recentlyLive = false } = {}): number {
  if (failures <= 0) return 0;
  const cap = recentlyLive ? RECENTLY_LIVE_CAP_MS : 60_000;
  return Math.min(cap, 1000 * 2 ** (failures - 1));
}

export const HEALTHY_RESET_MS = 60_000;
export const RECENTLY_LIVE_MS = 5 * 60_000;
export const RECENTLY_LIVE_CAP_MS = 5_000;
