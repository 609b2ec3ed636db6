import { describe, expect, it } from 'vitest';
import type { ExportRow } from '../queries/analytics/get-hourly-export.ts';
import { buildHourlyCsv, HOURLY_CSV_HEADER, streamHourlyCsv } from './hourly-csv.ts';

const HOUR = 3_600_000;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<{ text: string; chunks: number }> {
  const decoder = new TextDecoder();
  let text = '';
  let chunks = 0;
  const reader = stream.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    text += decoder.decode(next.value, { stream: true });
    chunks++;
  }
  return { text, chunks };
}

// Rows over 20 days, a few per hour, sorted as the query returns them.
function makeRows(from: number): ExportRow[] {
  const rows: ExportRow[] = [];
  for (let h = 0; h < 20 * 24; h += 5) {
    for (const country of ['CH', 'DE']) rows.push({ cameraId: 'roof', hour: new Date(from + h * HOUR), country, device: 'mobile', source: 'direct', views: h + 1, watchSeconds: 10 * h });
  }
  return rows;
}

describe('hourly CSV', () => {
  it('writes one line per row with the local hour, quoting and defusing awkward fields', () => {
    const csv = buildHourlyCsv(
      [
        { cameraId: 'roof', hour: new Date('2026-03-29T01:00:00Z'), country: 'CH', device: 'mobile', source: 'direct', views: 7, watchSeconds: 700 },
        { cameraId: 'roof', hour: new Date('2026-03-29T01:00:00Z'), country: 'CH', device: 'tv', source: '@x', views: 2, watchSeconds: 9 },
        { cameraId: 'roof', hour: new Date('2026-03-29T02:00:00Z'), country: 'DE', device: 'desktop', source: '=cmd,"x"', views: 1, watchSeconds: 5 },
      ],
      'Europe/Zurich',
    );
    expect(csv).toBe(
      'hour_utc,hour_local,camera,country,device,source,views,watch_seconds\r\n' +
        '2026-03-29T01:00:00.000Z,2026-03-29 03:00,roof,CH,mobile,direct,7,700\r\n' +
        "2026-03-29T01:00:00.000Z,2026-03-29 03:00,roof,CH,tv,'@x,2,9\r\n" +
        `2026-03-29T02:00:00.000Z,2026-03-29 04:00,roof,DE,desktop,"'=cmd,""x""",1,5\r\n`,
    );
  });

  it('streams the same CSV window by window, reading each part of the range exactly once', async () => {
    const from = Date.parse('2026-03-20T23:00:00Z');
    const to = from + 20 * 24 * HOUR;
    const rows = makeRows(from);
    const windows: [number, number][] = [];
    const readRows = async (a: Date, b: Date) => {
      windows.push([a.getTime(), b.getTime()]);
      return rows.filter((r) => r.hour >= a && r.hour < b);
    };
    const { text, chunks } = await readAll(await streamHourlyCsv({ from: new Date(from), to: new Date(to), timeZone: 'Europe/Zurich', readRows }));
    expect(text).toBe(buildHourlyCsv(rows, 'Europe/Zurich'));
    expect(chunks).toBe(3); // 7 + 7 + 6 days
    expect(windows[0]![0]).toBe(from);
    expect(windows.at(-1)![1]).toBe(to);
    for (let i = 1; i < windows.length; i++) expect(windows[i]![0]).toBe(windows[i - 1]![1]);
  });

  it('sends the header alone when the range has no rows, and skips empty windows', async () => {
    const from = new Date('2026-01-01T00:00:00Z');
    let reads = 0;
    const empty = await readAll(await streamHourlyCsv({ from, to: new Date(from.getTime() + 30 * 24 * HOUR), timeZone: 'UTC', readRows: async () => (reads++, []) }));
    expect(empty.text).toBe(HOURLY_CSV_HEADER);
    expect(reads).toBe(5);
    const late = [{ cameraId: 'lake', hour: new Date(from.getTime() + 29 * 24 * HOUR), country: 'US', device: 'desktop', source: 'direct', views: 1, watchSeconds: 1 }];
    const readLate = async (a: Date, b: Date) => late.filter((r) => r.hour >= a && r.hour < b);
    expect((await readAll(await streamHourlyCsv({ from, to: new Date(from.getTime() + 30 * 24 * HOUR), timeZone: 'UTC', readRows: readLate }))).text).toBe(buildHourlyCsv(late, 'UTC'));
  });

  it('fails before the response when the first read fails, and errors the stream when a later one does', async () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date(from.getTime() + 21 * 24 * HOUR);
    await expect(streamHourlyCsv({ from, to, timeZone: 'UTC', readRows: () => Promise.reject(new Error('database is locked')) })).rejects.toThrow('database is locked');
    const rows = makeRows(from.getTime());
    let reads = 0;
    const flaky = async (a: Date, b: Date) => {
      if (++reads === 2) throw new Error('database is locked');
      return rows.filter((r) => r.hour >= a && r.hour < b);
    };
    const stream = await streamHourlyCsv({ from, to, timeZone: 'UTC', readRows: flaky });
    await expect(readAll(stream)).rejects.toThrow('database is locked');
  });
});
