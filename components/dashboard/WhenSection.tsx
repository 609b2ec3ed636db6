import Link from 'next/link';
import type { ChartRange, ChartRangeKey } from '@/lib/dashboard/periods';
import { CHART_RANGES } from '@/lib/dashboard/periods';
import type { SunBand } from '@/lib/dashboard/sun-bands';
import type { DayRow } from '@/lib/queries/analytics/get-views-by-day';
import type { HourRow } from '@/lib/queries/analytics/get-views-by-hour';
import type { HeatmapCell } from '@/lib/queries/analytics/get-weekday-hour-heatmap';
import { getZoneOffsetMs, HOUR_MS } from '@/lib/time-zone';
import { focusRing } from './DashboardShell';
import { Heatmap } from './Heatmap';
import { HourChart } from './HourChart';
import { Card, EmptyState, Section } from './Section';

type Props = { basePath: string; range: ChartRange; hours: HourRow[]; days: DayRow[]; heatmap: HeatmapCell[]; bands: SunBand[]; timeZone: string; hasLocation: boolean };

// Zero-filled series: a quiet hour is a 0, not a gap the line jumps over.
function buildSeries({ range, hours, days, timeZone }: Props): { times: number[]; views: number[]; watchHours: number[] } {
  const times: number[] = [];
  const views: number[] = [];
  const watchHours: number[] = [];
  if (range.bucket === 'day') {
    for (const d of days) {
      const noon = Date.parse(`${d.date}T12:00:00Z`); // placed at local noon of its day
      times.push((noon - getZoneOffsetMs(noon, timeZone)) / 1000);
      views.push(d.views);
      watchHours.push(d.watchSeconds / 3600);
    }
    return { times, views, watchHours };
  }
  const byHour = new Map(hours.map((h) => [h.hour, h]));
  for (let t = range.from.getTime(); t < range.to.getTime(); t += HOUR_MS) {
    const row = byHour.get(t);
    times.push(t / 1000);
    views.push(row?.views ?? 0);
    watchHours.push((row?.watchSeconds ?? 0) / 3600);
  }
  return { times, views, watchHours };
}

export function WhenSection(props: Props) {
  const { basePath, range, heatmap, bands, timeZone, hasLocation } = props;
  const series = buildSeries(props);
  const empty = series.views.every((v) => v === 0);
  const chartBands = range.bucket === 'hour' ? bands.map((b) => ({ from: b.from / 1000, to: b.to / 1000, kind: b.kind })) : [];
  return (
    <Section id="when" title="When" note={`Local time: ${timeZone}`}>
      <nav aria-label="Chart range" className="mb-3 flex flex-wrap gap-2">
        {(Object.entries(CHART_RANGES) as [ChartRangeKey, string][]).map(([key, label]) => (
          <Link
            key={key}
            href={`${basePath}?range=${key}`}
            aria-current={key === range.key ? 'true' : undefined}
            className={`rounded-md px-3 py-1 text-sm ${key === range.key ? 'bg-sky-600 text-white' : 'bg-neutral-900 text-neutral-200 hover:bg-neutral-800'} ${focusRing}`}
          >
            {label}
          </Link>
        ))}
      </nav>
      <Card>
        {empty ? (
          <EmptyState>No views in this range yet. Once people watch, views and hours watched appear here by the hour.</EmptyState>
        ) : (
          <figure>
            <figcaption className="mb-2 text-sm text-neutral-400">
              Views and hours watched per {range.bucket}
              {chartBands.length > 0 && (
                <>
                  {' '}
                  · <span className="text-amber-300">■</span> sunrise <span className="text-pink-300">■</span> sunset (±30 min)
                </>
              )}
              {!hasLocation && ' · set the camera’s location to see sunrise and sunset'}
            </figcaption>
            <HourChart times={series.times} views={series.views} watchHours={series.watchHours} bands={chartBands} timeZone={timeZone} bucket={range.bucket} />
          </figure>
        )}
      </Card>
      <div className="mt-3 grid gap-3 lg:grid-cols-2">
        <Card>
          <h3 className="mb-2 text-sm text-neutral-400">Views by weekday and hour, last 4 weeks</h3>
          <Heatmap cells={heatmap} metric="views" />
        </Card>
        <Card>
          <h3 className="mb-2 text-sm text-neutral-400">Hours watched by weekday and hour, last 4 weeks</h3>
          <Heatmap cells={heatmap} metric="watchSeconds" />
        </Card>
      </div>
    </Section>
  );
}
