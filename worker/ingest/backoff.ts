// Immediate first retry, then 1 s, 2 s, 4 s … capped at 60 s.
export function restartDelayMs(failures: number, capMs = 60_000): number {
  if (failures <= 0) return 0;
  return Math.min(capMs, 1000 * 2 ** (failures - 1));
}

export const HEALTHY_RESET_MS = 60_000;
