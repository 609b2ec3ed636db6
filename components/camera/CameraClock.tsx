'use client';

import { useEffect, useState } from 'react';
import { formatClock } from '@/lib/format-time';

// The camera's local time, ticking. Rendered only in the browser (a server-rendered time
// would differ by the time the page hydrates), and only once the browser is idle: the first
// formatted time loads the time-zone data, which must not hold up the first video frame.
export function CameraClock({ timezone }: { timezone: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      setNow(Date.now());
      timer = setInterval(() => setNow(Date.now()), 1000);
    };
    const idle = 'requestIdleCallback' in window ? { id: requestIdleCallback(start, { timeout: 2000 }), cancel: cancelIdleCallback } : { id: setTimeout(start, 500) as unknown as number, cancel: clearTimeout };
    return () => {
      idle.cancel(idle.id);
      clearInterval(timer);
    };
  }, []);
  return (
    <p className="text-sm tabular-nums text-neutral-400 2xl:text-xl" data-testid="camera-clock">
      Camera time <span className="text-neutral-100">{now === null ? '--:--:--' : formatClock(now, timezone, true)}</span> · {timezone}
    </p>
  );
}
