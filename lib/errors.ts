// The one error shape every Lookout HTTP API answers with: { error: { code, message } }.
// Codes are a closed list so clients and tests can branch on them.
export type ErrorCode =
  | 'bad_request'
  | 'bad_path'
  | 'bad_query'
  | 'bad_cursor'
  | 'bad_range'
  | 'invalid_json'
  | 'invalid_body'
  | 'invalid_fault'
  | 'body_too_large'
  | 'payload_too_large'
  | 'length_required'
  | 'unauthorized'
  | 'forbidden'
  | 'forbidden_origin'
  | 'not_found'
  | 'method_not_allowed'
  | 'not_acceptable'
  | 'rate_limited'
  | 'msn_too_far'
  | 'no_snapshot_yet'
  | 'origin_unavailable'
  | 'internal';

export type ErrorBody = { error: { code: ErrorCode; message: string } };

// Thrown where a request is found to be bad; the handler's one catch turns it into a response.
// Anything else becomes a generic 500 that leaks nothing.
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

export const INTERNAL_ERROR = new HttpError(500, 'internal', 'Internal error');

export function toHttpError(error: unknown): { error: HttpError; expected: boolean } {
  return error instanceof HttpError ? { error, expected: true } : { error: INTERNAL_ERROR, expected: false };
}
