// The one error shape, { error: { code, message } }, for the beacon endpoint. (Same codes as the
// house-wide helper being added in lib/http.ts; switch to it once both are merged.)
export type BeaconErrorCode = 'invalid_json' | 'invalid_body' | 'body_too_large' | 'not_found' | 'method_not_allowed' | 'rate_limited' | 'internal';

export function beaconError(status: number, code: BeaconErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

export function beaconAccepted(): Response {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
