'use client';

import { useEffect, useState } from 'react';

const POLL_MS = 5000;

// The one live figure: polls the admin API every 5 s while the tab is visible.
export function ViewersNow({ cameraId, initial }: { cameraId: string | null; initial: number }) {
  const [viewers, setViewers] = useState(initial);
  useEffect(() => {
    const url = `/api/admin/viewers-now${cameraId ? `?camera=${encodeURIComponent(cameraId)}` : ''}`;
    const timer = setInterval(async () => {
      if (document.hidden) return;
      try {
        const response = await fetch(url, { cache: 'no-store' });
        if (response.ok) setViewers(((await response.json()) as { viewers: number }).viewers);
      } catch {
        // offline for a moment: keep the last figure
      }
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [cameraId]);
  return (
    <p className="text-4xl font-semibold tabular-nums" data-testid="viewers-now" aria-live="polite">
      {viewers}
    </p>
  );
}
