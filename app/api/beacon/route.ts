import { beaconError } from '@/lib/analytics/beacon-response';
import { handleBeacon } from '@/lib/analytics/handle-beacon';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Promise<Response> {
  return handleBeacon(request);
}

function onlyPost(): Response {
  return beaconError(405, 'method_not_allowed', 'Send beacons with POST.', { Allow: 'POST' });
}

export { onlyPost as GET, onlyPost as PUT, onlyPost as PATCH, onlyPost as DELETE };
