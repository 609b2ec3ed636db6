import type { Logger } from '../../log.ts';
import { pullOriginEvents, type PullTarget } from './pull-origin-events.ts';

export type OriginPull = { stop: () => void };

// The site's loop that keeps the database level with the worker's journal: a pull every
// `intervalMs`, backing off to `maxBackoffMs` while the origin is unreachable.
export function startOriginPull(target: PullTarget & { intervalMs?: number; maxBackoffMs?: number; log: Logger }): OriginPull {
  const interval = target.intervalMs ?? 2000;
  const maxBackoff = target.maxBackoffMs ?? 10_000;
  let failures = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const tick = async () => {
    try {
      const { applied, gap } = await pullOriginEvents(target);
      if (failures > 0) target.log.info(`origin events: reachable again (${applied} event(s) caught up)`);
      if (gap) target.log.warn('origin events: the worker pruned events before they were read; some history is missing');
      failures = 0;
    } catch (error) {
      if (failures === 0) target.log.warn(`origin events: cannot pull (${(error as Error).message}); retrying`);
      failures += 1;
    }
    if (!stopped) timer = setTimeout(() => void tick(), failures ? Math.min(interval * 2 ** (failures - 1), maxBackoff) : interval);
  };
  timer = setTimeout(() => void tick(), 0);
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
