import type { ExportRow } from '../queries/analytics/get-hourly-export.ts';
import { DAY_MS, toLocalTime } from '../time-zone.ts';

export const HOURLY_CSV_HEADER = 'hour_utc,hour_local,camera,country,device,source,views,watch_seconds\r\n';

// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. A leading
// =, +, - or @ is prefixed with ' so a spreadsheet does not run a referrer host as a formula.
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// One CRLF-ended line per row. Rows come sorted by hour, so each hour's two time columns are
// formatted once for all of that hour's rows (a year holds ~200k rows but only ~9k hours).
export function formatHourlyCsvLines(rows: ExportRow[], timeZone: string): string {
  let lastHour = Number.NaN;
  let hourFields = '';
  let out = '';
  for (const r of rows) {
    const hour = r.hour.getTime();
    if (hour !== lastHour) {
      const local = toLocalTime(hour, timeZone);
      hourFields = `${r.hour.toISOString()},${local.date} ${String(local.hour).padStart(2, '0')}:00`;
      lastHour = hour;
    }
    out += `${hourFields},${csvField(r.cameraId)},${csvField(r.country)},${csvField(r.device)},${csvField(r.source)},${csvField(r.views)},${csvField(r.watchSeconds)}\r\n`;
  }
  return out;
}

export function buildHourlyCsv(rows: ExportRow[], timeZone: string): string {
  return HOURLY_CSV_HEADER + formatHourlyCsvLines(rows, timeZone);
}

type RowReader = (from: Date, to: Date) => Promise<ExportRow[]>;
type CsvRange = { from: Date; to: Date; timeZone: string; readRows: RowReader; windowMs?: number };

async function* generateCsvChunks({ from, to, timeZone, readRows, windowMs = 7 * DAY_MS }: CsvRange): AsyncGenerator<string> {
  let pending = HOURLY_CSV_HEADER;
  for (let start = from.getTime(), end = to.getTime(); start < end; start += windowMs) {
    const rows = await readRows(new Date(start), new Date(Math.min(end, start + windowMs)));
    if (rows.length === 0) continue;
    yield pending + formatHourlyCsvLines(rows, timeZone);
    pending = '';
  }
  if (pending) yield pending;
}

// The CSV of [from, to) read and sent a window at a time (a week by default), oldest first: the
// download starts at once and a year is never held in memory whole. The first window is read
// before the response starts, so a failing database still gets a clean error; a later failure
// errors the stream, so the download fails rather than stopping short as if it were complete.
export async function streamHourlyCsv(range: CsvRange): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const chunks = generateCsvChunks(range);
  const first = await chunks.next();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
      else controller.close();
    },
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
