import { getDb } from '../../db.ts';
import { whereHour, type AnalyticsRange } from './range.ts';

export type PortalTotalRow = { portal: string; origin: number; edge: number };

// preview.jpg fetches per portal over the whole range, summed in the database; most first.
export async function getPreviewFetchTotals(range: AnalyticsRange): Promise<PortalTotalRow[]> {
  const rows = await getDb().previewFetchStat.groupBy({ by: ['portal', 'via'], where: whereHour(range), _sum: { fetches: true } });
  const portals = new Map<string, PortalTotalRow>();
  for (const row of rows) {
    const entry = portals.get(row.portal) ?? { portal: row.portal, origin: 0, edge: 0 };
    if (row.via === 'edge') entry.edge += row._sum.fetches ?? 0;
    else entry.origin += row._sum.fetches ?? 0;
    portals.set(row.portal, entry);
  }
  return [...portals.values()].sort((a, b) => b.origin + b.edge - (a.origin + a.edge) || a.portal.localeCompare(b.portal));
}
