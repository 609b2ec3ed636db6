import type { ViewTotals } from '@/lib/queries/analytics/get-view-totals';
import type { SiteHealth } from '@/lib/site-server/worker-health';
import { formatChange, formatCount, formatHours } from './format';
import { Card, Section } from './Section';
import { ViewersNow } from './ViewersNow';

export type PeriodSummary = { label: string; current: ViewTotals; previous: ViewTotals };

const TREND = { up: 'text-emerald-300', down: 'text-rose-300', flat: 'text-neutral-400' };
const STATE = { live: 'bg-emerald-500', reconnecting: 'bg-amber-400', starting: 'bg-amber-400', offline: 'bg-rose-500', stopped: 'bg-neutral-500', unknown: 'bg-neutral-500' };

function Figure({ label, value, current, previous }: { label: string; value: string; current: number; previous: number }) {
  const change = formatChange(current, previous);
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-neutral-400">{label}</dt>
      <dd className="text-xl font-semibold tabular-nums">{value}</dd>
      <dd className={`text-xs ${TREND[change.trend]}`}>
        <span className="sr-only">change against the previous period: </span>
        {change.text}
      </dd>
    </div>
  );
}

export function NowSection({ cameraId, viewersNow, periods, cameras }: { cameraId: string | null; viewersNow: number; periods: PeriodSummary[]; cameras: SiteHealth['cameras'] }) {
  return (
    <Section id="now" title="Now" note="Changes compare with the same span just before.">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Card>
          <h3 className="text-sm text-neutral-400">Viewers now</h3>
          <ViewersNow cameraId={cameraId} initial={viewersNow} />
          <ul className="mt-2 space-y-1 text-sm" aria-label="Camera state" data-testid="camera-states">
            {cameras.map((c) => (
              <li key={c.id} className="flex items-center gap-2">
                <span aria-hidden className={`inline-block size-2.5 rounded-full ${STATE[c.state]}`} />
                <span>
                  {c.name}: <span data-testid={`state-${c.id}`}>{c.state}</span>
                  {c.newestSegmentAgeSeconds !== null && <span className="text-neutral-400"> · newest segment {c.newestSegmentAgeSeconds.toFixed(1)} s old</span>}
                </span>
              </li>
            ))}
          </ul>
        </Card>
        {periods.map((p) => (
          <Card key={p.label}>
            <h3 className="mb-2 text-sm text-neutral-400">{p.label}</h3>
            <dl className="grid grid-cols-3 gap-2" data-testid={`summary-${p.label.replace(/\s+/g, '-').toLowerCase()}`}>
              <Figure label="Views" value={formatCount(p.current.views)} current={p.current.views} previous={p.previous.views} />
              <Figure label="Visitors" value={formatCount(p.current.visitors)} current={p.current.visitors} previous={p.previous.visitors} />
              <Figure label="Watched" value={formatHours(p.current.watchSeconds)} current={p.current.watchSeconds} previous={p.previous.watchSeconds} />
            </dl>
          </Card>
        ))}
      </div>
    </Section>
  );
}
