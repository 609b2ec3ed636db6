'use client';

import { useSyncExternalStore } from 'react';
import { formatClock } from '@/lib/format-time';

function subscribe(callback: () => void): () => void {
  const timer = setInterval(callback, 1000);
  return () => clearInterval(timer);
}

// The camera's local time, ticking. Rendered only in the browser: a server-rendered
// time would differ by the time the page hydrates.
export function CameraClock({ timezone }: { timezone: string }) {
  const now = useSyncExternalStore(subscribe, () => Math.floor(Date.now() / 1000), () => null);
  return (
    <p className="text-sm tabular-nums text-neutral-400 2xl:text-xl" data-testid="camera-clock">
      Camera time <span className="text-neutral-100">{now === null ? '--:--:--' : formatClock(now * 1000, timezone, true)}</span> · {timezone}
    </p>
  );
}
