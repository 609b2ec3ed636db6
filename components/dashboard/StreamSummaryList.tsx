import type { StreamSummary } from '@/lib/health';

const RATE_SOURCES: Record<string, string> = { rtp: 'RTP timestamps', sps: 'SPS timing', config: 'configured', arrival: 'arrival rate' };

function formatClockOffset(ms: number): string {
  const seconds = Math.abs(ms) < 10_000 ? (Math.abs(Math.round(ms / 100)) / 10).toFixed(1) : String(Math.abs(Math.round(ms / 1000)));
  return `${Math.round(ms / 100) < 0 ? '−' : '+'}${seconds} s`;
}

// What the camera is sending now, as the worker's reader sees it (/status.json `stream`):
// the live counterpart of the health timeline. Absent for the built-in test camera and
// while the worker is unreachable.
export function StreamSummaryList({ id, stream }: { id: string; stream: StreamSummary }) {
  const rows: [string, string][] = [
    ['Codec', [stream.codec, stream.profile, stream.level].filter(Boolean).join(' ')],
    ['Resolution', stream.width ? `${stream.width}×${stream.height}` : '–'],
    ['Frame rate', stream.frameRate ? `${stream.frameRate} fps (${RATE_SOURCES[stream.frameRateSource] ?? stream.frameRateSource})` : '–'],
    ['GOP', stream.gopFrames ? `${stream.gopFrames} frames${stream.gopSeconds ? ` = ${stream.gopSeconds} s` : ''}` : '–'],
    ['B-frames', stream.bFrames ? `yes (reorder depth ${stream.reorderDepth ?? '?'})` : 'none'],
    ['Bitrate', stream.bitrateKbps === null ? '–' : `${stream.bitrateKbps} kbit/s`],
    ['Losses', `${stream.losses} (${stream.droppedFrames} frames dropped)`],
  ];
  if (stream.cameraClock) rows.push(['Camera clock', `${formatClockOffset(stream.cameraClock.offsetMs)}${stream.cameraClock.used ? ', dates segments' : ', too far off: not used'}`]);
  return (
    <details className="mt-2 text-sm" open data-testid={`stream-summary-${id}`}>
      <summary className="cursor-pointer text-neutral-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400">What the camera sends</summary>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-2">
        {rows.map(([label, value]) => (
          <div key={label} className="flex min-w-0 gap-2">
            <dt className="shrink-0 text-neutral-400">{label}</dt>
            <dd className="min-w-0 break-words tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
