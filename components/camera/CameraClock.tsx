'use client';

import { useEffect, useState } from 'react';
import { formatClock } from '@/lib/site-server/format-time';

const START_AFTER_MS = 1000;

// The camera's local time, ticking. Rendered only in the browser (a server-rendered time
// would differ by the time the page hydrates), and only a second after load, when the browser
// is idle: the first formatted time loads the time-zone data (~20 ms of main thread), which
// must not hold up the first video frame. Idle time alone comes too early: the page is idle
// while it waits for the first segment.
export function CameraClock({ timezone }: { timezone: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      setNow(Date.now());
      timer = setInterval(() => setNow(Date.now()), 1000);
    };
    let idle: number | undefined;
    const delay = setTimeout(() => {
      if ('requestIdleCallback' in window) idle = requestIdleCallback(start, { timeout: 1000 });
      else start();
    }, START_AFTER_MS);
    return () => {
      clearTimeout(delay);
      if (idle !== undefined) cancelIdleCallback(idle);
      clearInterval(timer);
    };
  }, []);
  return (
    <p className="text-sm tabular-nums text-neutral-400 2xl:text-xl" data-testid="camera-clock">
      Camera time <span className="text-neutral-100">{now === null ? '--:--:--' : formatClock(now, timezone, true)}</span> · {timezone}
    </p>
  );
}
