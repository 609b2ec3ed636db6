import type { ExportRow } from '../queries/analytics/get-hourly-export.ts';
import { toLocalTime } from '../time-zone.ts';

// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. A leading
// =, +, - or @ is prefixed with ' so a spreadsheet does not run a referrer host as a formula.
function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function buildHourlyCsv(rows: ExportRow[], timeZone: string): string {
  const lines = ['hour_utc,hour_local,camera,country,device,source,views,watch_seconds'];
  for (const r of rows) {
    const local = toLocalTime(r.hour.getTime(), timeZone);
    const localText = `${local.date} ${String(local.hour).padStart(2, '0')}:00`;
    lines.push([r.hour.toISOString(), localText, r.cameraId, r.country, r.device, r.source, r.views, r.watchSeconds].map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
