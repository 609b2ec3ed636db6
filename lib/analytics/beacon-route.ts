import { getClientAddress } from '../net/client-address.ts';
import { countBeaconRejected } from './analytics-metrics.ts';
import { beaconAccepted, beaconError } from './beacon-response.ts';
import { MAX_BEACON_BYTES } from './beacon-schema.ts';
import { acceptBeacon, admitBeacon, type BeaconOutcome } from './handle-beacon.ts';
import { readLimitedBody } from './read-limited-body.ts';

function toResponse(outcome: BeaconOutcome): Response {
  if (!('code' in outcome)) return beaconAccepted();
  countBeaconRejected(outcome.code);
  return beaconError(outcome.status, outcome.code, outcome.message, outcome.headers);
}

// POST /api/beacon as a Next route handler (app/api/beacon/route.ts). The site server answers
// the same path itself before Next (lib/analytics/serve-beacon.ts); this serves `next dev`.
export async function handleBeaconRequest(request: Request): Promise<Response> {
  const address = getClientAddress(request.headers) ?? '';
  const refused = admitBeacon(address);
  if (refused) return toResponse(refused);
  const text = await readLimitedBody(request, MAX_BEACON_BYTES);
  if (text === undefined) return toResponse({ status: 413, code: 'body_too_large', message: `A beacon is at most ${MAX_BEACON_BYTES} bytes.` });
  const headers = request.headers;
  return toResponse(acceptBeacon(text, { address, userAgent: headers.get('user-agent') ?? '', host: headers.get('host') ?? undefined, cfCountry: headers.get('cf-ipcountry') ?? undefined }));
}
