import { z } from 'zod';
import { adminRoute } from '@/lib/auth/admin-route';
import { HttpError } from '@/lib/errors';
import { jsonResponse } from '@/lib/http';
import { countViewersNow } from '@/lib/analytics/viewers-now';

const query = z.object({ camera: z.string().regex(/^[a-z0-9-]{1,64}$/).optional() });

// Polled every 5 s by the dashboard's "viewers now" figure.
export const GET = adminRoute(async (request) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new HttpError(400, 'bad_request', 'camera must be a camera id.');
  return jsonResponse(200, { viewers: countViewersNow(parsed.data.camera) });
});
