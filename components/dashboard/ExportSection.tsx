import { focusRing } from './DashboardShell';
import { Section } from './Section';

// A plain GET form: the browser downloads the CSV, no JavaScript needed.
export function ExportSection({ cameraId, from, to, timeZone }: { cameraId: string | null; from: string; to: string; timeZone: string }) {
  const field = `rounded-md border border-neutral-700 bg-neutral-900 px-2 py-1 ${focusRing}`;
  return (
    <Section id="export" title="Export" note={`The hourly table as CSV, days in ${timeZone}`}>
      <form method="get" action="/api/admin/export" className="flex flex-wrap items-end gap-3">
        {cameraId && <input type="hidden" name="camera" value={cameraId} />}
        <label className="flex flex-col gap-1 text-sm">
          From
          <input type="date" name="from" defaultValue={from} required className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          To (included)
          <input type="date" name="to" defaultValue={to} required className={field} />
        </label>
        <button type="submit" className={`rounded-md bg-neutral-100 px-3 py-1.5 text-sm font-medium text-neutral-900 hover:bg-white ${focusRing}`}>
          Download CSV
        </button>
      </form>
    </Section>
  );
}
