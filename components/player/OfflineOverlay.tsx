import { formatClock } from '@/lib/site-server/format-time';

// The latest preview with a plain message; the controller keeps polling underneath.
export function OfflineOverlay({ poster, since, timezone }: { poster?: string; since: number | null; timezone: string }) {
  return (
    <div data-testid="offline" className="absolute inset-0 flex items-center justify-center">
      {poster ? <img src={poster} alt="" className="absolute inset-0 h-full w-full object-cover opacity-60" /> : null}
      <p role="status" className="relative m-6 rounded-lg bg-black/80 px-4 py-3 text-center text-base font-medium text-white sm:text-lg">
        Camera offline{since ? ` — since ${formatClock(since, timezone)}` : ''}
        <span className="block text-sm font-normal text-neutral-300">It will come back here by itself.</span>
      </p>
    </div>
  );
}
