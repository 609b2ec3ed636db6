import { getCountryShapes, MAP_HEIGHT, MAP_WIDTH, toNumericCountryCode } from '@/lib/dashboard/world-shapes';
import type { CountryRow } from '@/lib/queries/analytics/get-views-by-country';

// Plain SVG drawn on the server: no map library or geometry is sent to the browser.
export function WorldMap({ rows }: { rows: CountryRow[] }) {
  const byNumeric = new Map<string, CountryRow>();
  for (const row of rows) {
    const id = toNumericCountryCode(row.country);
    if (id) byNumeric.set(id, row);
  }
  const max = Math.max(1, ...rows.map((r) => r.views));
  return (
    <svg viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-label="World map shaded by views per country" data-testid="world-map" className="h-auto w-full">
      {getCountryShapes().map((shape) => {
        const row = byNumeric.get(shape.numericId);
        // Square root: one big country must not wash out all the others.
        const fill = row ? `rgba(56, 189, 248, ${(0.2 + 0.8 * Math.sqrt(row.views / max)).toFixed(3)})` : 'rgb(45 45 45)';
        return (
          <path key={shape.numericId + shape.name} d={shape.path} fill={fill} stroke="#0a0a0a" strokeWidth={1} data-country={row?.country} data-views={row?.views ?? 0}>
            <title>{`${shape.name}: ${row?.views ?? 0} views`}</title>
          </path>
        );
      })}
    </svg>
  );
}
