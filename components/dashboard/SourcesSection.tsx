import type { PortalTotalRow } from '@/lib/queries/analytics/get-preview-fetch-totals';
import type { PortalDayRow } from '@/lib/queries/analytics/get-preview-fetches-by-portal';
import type { SourceRow } from '@/lib/queries/analytics/get-views-by-source';
import { SourcesTable } from './AudienceSections';
import { formatCount } from './format';
import { Card, EmptyState, Section } from './Section';

type Portal = { portal: string; origin: number; edge: number; perDay: number[] };

function summarisePortals(totals: PortalTotalRow[], rows: PortalDayRow[], dates: string[]): Portal[] {
  const index = new Map(dates.map((d, i) => [d, i]));
  const portals = new Map<string, Portal>(totals.map((t) => [t.portal, { ...t, perDay: dates.map(() => 0) }]));
  for (const row of rows) {
    const i = index.get(row.date);
    const p = portals.get(row.portal);
    if (p && i !== undefined) p.perDay[i]! += row.origin + row.edge;
  }
  return [...portals.values()];
}

function Sparkline({ values, label }: { values: number[]; label: string }) {
  const max = Math.max(1, ...values);
  const w = 120;
  const step = w / Math.max(1, values.length);
  return (
    <svg viewBox={`0 0 ${w} 24`} className="h-6 w-28" role="img" aria-label={label}>
      {values.map((v, i) => (
        <rect key={i} x={i * step} y={24 - (22 * v) / max} width={Math.max(0.8, step - 0.6)} height={(22 * v) / max} fill="#a78bfa" />
      ))}
    </svg>
  );
}

type Props = { sources: SourceRow[]; totals: PortalTotalRow[]; portals: PortalDayRow[]; dates: string[]; rangeLabel: string };

export function SourcesSection({ sources, totals, portals, dates, rangeLabel }: Props) {
  const summary = summarisePortals(totals, portals, dates);
  return (
    <Section id="sources" title="Sources & portals" note={rangeLabel}>
      <div className="grid gap-3 lg:grid-cols-2">
        <Card>
          <h3 className="mb-2 text-sm text-neutral-400">Referrers and embedding sites</h3>
          <SourcesTable sources={sources} />
        </Card>
        <Card>
          <h3 className="mb-2 text-sm text-neutral-400">preview.jpg fetches per portal (origin + edge)</h3>
          {summary.length === 0 ? (
            <EmptyState>No portal has fetched preview.jpg yet. Weather portals such as Windy show up here per day.</EmptyState>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-sm" data-testid="portal-table">
                <caption className="sr-only">preview.jpg fetches per portal</caption>
                <thead>
                  <tr className="text-left text-xs uppercase tracking-wide text-neutral-400">
                    <th scope="col" className="py-1 font-normal">Portal</th>
                    <th scope="col" className="py-1 text-right font-normal">Origin</th>
                    <th scope="col" className="py-1 text-right font-normal">Edge</th>
                    <th scope="col" className="py-1 pl-3 font-normal">Per day ({dates.length} d)</th>
                  </tr>
                </thead>
                <tbody>
                  {summary.map((p) => (
                    <tr key={p.portal} className="border-t border-neutral-800">
                      <th scope="row" className="py-1.5 text-left font-normal">{p.portal}</th>
                      <td className="py-1.5 text-right tabular-nums">{formatCount(p.origin)}</td>
                      <td className="py-1.5 text-right tabular-nums">{formatCount(p.edge)}</td>
                      <td className="py-1.5 pl-3">
                        <Sparkline values={p.perDay} label={`${p.portal}: fetches per day, ${Math.max(...p.perDay)} at most`} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </Section>
  );
}
