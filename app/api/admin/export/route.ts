import { z } from 'zod';
import { adminRoute } from '@/lib/auth/admin-route';
import { streamHourlyCsv } from '@/lib/dashboard/hourly-csv';
import { HttpError } from '@/lib/errors';
import { getHourlyExport } from '@/lib/queries/analytics/get-hourly-export';
import { createLogger } from '@/lib/log';
import { listPublicCameras } from '@/lib/site-server/site-cameras';
import { DAY_MS, getMidnightOfLocalDate } from '@/lib/time-zone';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const log = createLogger('admin');
const query = z.object({ camera: z.string().optional(), from: date, to: date });

// GET /api/admin/export?camera=<id>&from=YYYY-MM-DD&to=YYYY-MM-DD — the hourly table as CSV,
// both days included, in the camera's local days (the default camera's for all cameras).
export const GET = adminRoute(async (request) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new HttpError(400, 'bad_request', 'Give from and to as YYYY-MM-DD.');
  const cameras = listPublicCameras();
  const cameraId = parsed.data.camera || null;
  const camera = cameraId === null ? cameras[0] : cameras.find((c) => c.id === cameraId);
  if (!camera) throw new HttpError(404, 'not_found', 'No such camera.');
  const timeZone = camera.timezone;
  const from = getMidnightOfLocalDate(parsed.data.from, timeZone);
  const to = getMidnightOfLocalDate(new Date(Date.parse(`${parsed.data.to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10), timeZone);
  if (!(from < to) || to - from > 367 * DAY_MS) throw new HttpError(400, 'bad_range', 'The range must run forwards and span at most a year.');
  const name = `lookout-${cameraId ?? 'all'}-${parsed.data.from}-${parsed.data.to}.csv`;
  const readRows = (windowFrom: Date, windowTo: Date) =>
    getHourlyExport({ cameraId, from: windowFrom, to: windowTo, timeZone }).catch((error: unknown) => {
      log.error(`export read failed: ${error instanceof Error ? error.message : String(error)}`);
      throw new Error('export failed'); // nothing of the cause reaches the client
    });
  return new Response(await streamHourlyCsv({ from: new Date(from), to: new Date(to), timeZone, readRows }), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' },
  });
});
