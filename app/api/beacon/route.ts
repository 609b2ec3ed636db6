import { beaconError } from '@/lib/analytics/beacon-response';
import { handleBeaconRequest } from '@/lib/analytics/beacon-route';

// The site server answers /api/beacon before Next (lib/analytics/serve-beacon.ts); this handler
// is the same logic for `next dev` and anything else that runs Next alone.
export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handleBeaconRequest(request);
}

function onlyPost(): Response {
  return beaconError(405, 'method_not_allowed', 'Send beacons with POST.', { Allow: 'POST' });
}

export { onlyPost as GET, onlyPost as PUT, onlyPost as PATCH, onlyPost as DELETE };
