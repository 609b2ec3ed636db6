import type { ReactNode } from 'react';
import { formatCount, formatHours } from './format';

export type BarRow = { key: string; label: ReactNode; views: number; watchSeconds: number };

// A ranked table with a bar behind each row's views: readable, and no chart code in the browser.
export function BarTable({ rows, caption, firstColumn, testId, limit = 12 }: { rows: BarRow[]; caption: string; firstColumn: string; testId: string; limit?: number }) {
  const max = Math.max(1, ...rows.map((r) => r.views));
  const shown = rows.slice(0, limit);
  const rest = rows.slice(limit);
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="text-left text-xs uppercase tracking-wide text-neutral-400">
          <th scope="col" className="py-1 font-normal">{firstColumn}</th>
          <th scope="col" className="py-1 text-right font-normal">Views</th>
          <th scope="col" className="py-1 text-right font-normal">Watched</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((r) => (
          <tr key={r.key} className="border-t border-neutral-800">
            <th scope="row" className="relative py-1.5 pr-2 text-left font-normal">
              <span aria-hidden className="absolute inset-y-1 left-0 rounded-sm bg-sky-500/20" style={{ width: `${(100 * r.views) / max}%` }} />
              <span className="relative">{r.label}</span>
            </th>
            <td className="py-1.5 text-right tabular-nums">{formatCount(r.views)}</td>
            <td className="py-1.5 pl-2 text-right tabular-nums text-neutral-300">{formatHours(r.watchSeconds)}</td>
          </tr>
        ))}
        {rest.length > 0 && (
          <tr className="border-t border-neutral-800 text-neutral-400">
            <th scope="row" className="py-1.5 text-left font-normal">{rest.length} more</th>
            <td className="py-1.5 text-right tabular-nums">{formatCount(rest.reduce((s, r) => s + r.views, 0))}</td>
            <td className="py-1.5 pl-2 text-right tabular-nums">{formatHours(rest.reduce((s, r) => s + r.watchSeconds, 0))}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
