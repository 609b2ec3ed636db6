import { fitSpansToColumns } from '@/lib/dashboard/health-timeline';
import type { StreamSummary } from '@/lib/health';
import type { StreamHealth } from '@/lib/queries/analytics/get-stream-health';
import { formatLocal } from './format';
import { Card, EmptyState, Section } from './Section';
import { StreamSummaryList } from './StreamSummaryList';

export type CameraHealth = { id: string; name: string; timeZone: string; health: StreamHealth; liveHint: string | null; stream: StreamSummary | null };
const COLOURS = { live: '#10b981', reconnecting: '#f59e0b', offline: '#f43f5e' };

// Drawn at its own resolution: one column per viewBox unit, so a year is tens of rects, not the
// ~800 spans of a cheap camera's minute-long reconnects.
function Timeline({ health, from, to, name }: { health: StreamHealth; from: number; to: number; name: string }) {
  const x = (t: number) => (1000 * (t - from)) / (to - from);
  const spans = fitSpansToColumns(health.spans, from, to, { columns: 1000 });
  return (
    <svg viewBox="0 0 1000 16" preserveAspectRatio="none" className="h-4 w-full rounded-sm bg-neutral-800" role="img" aria-label={`${name}: live, reconnecting and offline over the range`} data-testid="health-timeline">
      {spans.map((s) => (
        <rect key={s.from} x={x(s.from)} width={Math.max(0.5, x(s.to) - x(s.from))} y={0} height={16} fill={COLOURS[s.state]} data-state={s.state}>
          <title>{s.state}</title>
        </rect>
      ))}
    </svg>
  );
}

function averageUptime(health: StreamHealth): number | null {
  const known = health.uptimeByDay.filter((d) => d.uptimePercent !== null);
  return known.length ? known.reduce((s, d) => s + d.uptimePercent!, 0) / known.length : null;
}

export function HealthSection({ cameras, from, to, rangeLabel }: { cameras: CameraHealth[]; from: number; to: number; rangeLabel: string }) {
  return (
    <Section id="health" title="Stream health" note={rangeLabel}>
      <div className="grid gap-3">
        {cameras.map(({ id, name, timeZone, health, liveHint, stream }) => {
          const uptime = averageUptime(health);
          const hint = liveHint ?? health.latestHint?.detail ?? null;
          return (
            <Card key={id}>
              <h3 className="mb-2 font-medium">{name}</h3>
              {health.spans.length === 0 ? (
                <EmptyState>No health events in this range yet: the worker records them as the camera starts, goes live and reconnects.</EmptyState>
              ) : (
                <>
                  <Timeline health={health} from={from} to={to} name={name} />
                  <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-neutral-400">
                    <span><span className="text-emerald-400">■</span> live</span>
                    <span><span className="text-amber-400">■</span> reconnecting</span>
                    <span><span className="text-rose-400">■</span> offline</span>
                    <span>a stretch shows a bad state when it holds 5 % of it or more; shorter reconnects count under Restarts</span>
                  </p>
                  <dl className="mt-3 grid grid-cols-3 gap-2 text-sm" data-testid={`health-figures-${id}`}>
                    <div><dt className="text-neutral-400">Uptime</dt><dd className="text-lg tabular-nums">{uptime === null ? '–' : `${uptime.toFixed(1)} %`}</dd></div>
                    <div><dt className="text-neutral-400">Restarts</dt><dd className="text-lg tabular-nums">{health.restarts}</dd></div>
                    <div><dt className="text-neutral-400">Segments dropped</dt><dd className="text-lg tabular-nums">{health.dropped}</dd></div>
                  </dl>
                  <details className="mt-2 text-sm">
                    <summary className="cursor-pointer text-neutral-300 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400">Uptime per day</summary>
                    <ul className="mt-2 grid grid-cols-2 gap-x-4 sm:grid-cols-4">
                      {health.uptimeByDay.map((d) => (
                        <li key={d.date} className="tabular-nums">{`${d.date}: ${d.uptimePercent === null ? '–' : `${d.uptimePercent.toFixed(1)} %`}`}</li>
                      ))}
                    </ul>
                  </details>
                </>
              )}
              {hint && (
                <p className="mt-2 text-sm text-amber-200" data-testid={`health-hint-${id}`}>
                  Latest hint: {hint}
                  {!liveHint && health.latestHint && <span className="text-neutral-400"> ({formatLocal(health.latestHint.at, timeZone, { dateStyle: 'medium', timeStyle: 'short' })})</span>}
                </p>
              )}
              {stream && <StreamSummaryList id={id} stream={stream} />}
            </Card>
          );
        })}
      </div>
    </Section>
  );
}
