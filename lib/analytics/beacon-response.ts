import type { ErrorCode } from '../errors.ts';
import { errorResponse } from '../http.ts';

// The beacon endpoint's answers: the house-wide error shape, and an empty 204 when accepted.
export type BeaconErrorCode = Extract<ErrorCode, 'invalid_json' | 'invalid_body' | 'body_too_large' | 'not_found' | 'method_not_allowed' | 'rate_limited' | 'internal'>;

export function beaconError(status: number, code: BeaconErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return errorResponse(status, code, message, headers);
}
export function beaconAccepted(): Response {
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
}
