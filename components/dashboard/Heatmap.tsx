import type { HeatmapCell } from '@/lib/queries/analytics/get-weekday-hour-heatmap';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

// Weekday × hour of the camera's day, shaded by views: a table, so it reads without sight too.
export function Heatmap({ cells, metric }: { cells: HeatmapCell[]; metric: 'views' | 'watchSeconds' }) {
  const max = Math.max(1, ...cells.map((c) => c[metric]));
  const unit = metric === 'views' ? 'views' : 'hours watched';
  return (
    <div className="overflow-x-auto">
      <table className="w-full table-fixed border-separate border-spacing-0.5 text-[10px]" data-testid={`heatmap-${metric}`}>
        <caption className="sr-only">{unit} by weekday and local hour</caption>
        <thead>
          <tr>
            <th scope="col" className="w-8" />
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} scope="col" className="font-normal text-neutral-500">
                {h % 3 === 0 ? h : <span className="sr-only">{h}</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((day, weekday) => (
            <tr key={day}>
              <th scope="row" className="pr-1 text-left font-normal text-neutral-400">
                {day}
              </th>
              {cells
                .filter((c) => c.weekday === weekday)
                .map((c) => {
                  const value = c[metric];
                  const shown = metric === 'views' ? value : Math.round(value / 360) / 10;
                  return (
                    <td
                      key={c.hour}
                      data-weekday={c.weekday}
                      data-hour={c.hour}
                      data-value={value}
                      title={`${day} ${String(c.hour).padStart(2, '0')}:00 — ${shown} ${unit}`}
                      className="h-5 rounded-sm"
                      style={{ backgroundColor: value === 0 ? 'rgb(38 38 38)' : `rgba(56, 189, 248, ${(0.12 + 0.88 * (value / max)).toFixed(3)})` }}
                    >
                      <span className="sr-only">{shown}</span>
                    </td>
                  );
                })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
