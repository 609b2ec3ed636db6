import type { PlayerStats } from './player-status';

export function StatsOverlay({ stats, rebuilds }: { stats: PlayerStats; rebuilds: number }) {
  const rows: [string, string][] = [
    ['Latency', stats.latencySeconds === null ? '—' : `${stats.latencySeconds.toFixed(1)} s`],
    ['Buffer', `${stats.bufferSeconds.toFixed(1)} s`],
    ['Resolution', stats.resolution ?? '—'],
    ['Bitrate', stats.bitrateKbps === null ? '—' : `${(stats.bitrateKbps / 1000).toFixed(2)} Mbps`],
    ['Frames', `${stats.decodedFrames} decoded, ${stats.droppedFrames} dropped`],
    ['Recoveries', String(rebuilds)],
  ];
  return (
    <dl data-testid="stats" className="absolute right-3 top-3 grid grid-cols-[auto_auto] gap-x-3 gap-y-0.5 rounded-md bg-black/75 p-3 font-mono text-xs text-neutral-100">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="text-neutral-400">{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
