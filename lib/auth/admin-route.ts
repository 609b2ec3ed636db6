import { HttpError, toHttpError } from '../errors.ts';
import { errorResponse } from '../http.ts';
import { createLogger } from '../log.ts';
import { isSameOriginRequest } from './request-checks.ts';
import { requireOwner } from './require-owner.ts';

const log = createLogger('admin');
type Handler = (request: Request) => Promise<Response>;

// Wraps every /api/admin/** handler: state-changing methods must come from this origin (403),
// every method needs the owner's session (401); unexpected errors become a bare 500.
export function adminRoute(handler: Handler): Handler {
  return async (request) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD' && !isSameOriginRequest(request.headers)) {
        throw new HttpError(403, 'forbidden_origin', 'This request did not come from this site.');
      }
      await requireOwner('api');
      return await handler(request);
    } catch (error) {
      const { error: reply, expected } = toHttpError(error);
      if (!expected) log.error(`admin route failed: ${error instanceof Error ? error.message : String(error)}`);
      return errorResponse(reply.status, reply.code, reply.message, reply.headers);
    }
  };
}
