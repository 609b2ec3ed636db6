import type { IncomingMessage } from 'node:http';
import type { ErrorCode } from '../errors.ts';

// What the site server refuses before Next (or the pass-through) sees a request. Next answers
// malformed targets and odd methods with a 500 and a stack in the log, renders pages for PUT
// or PROPFIND, and reads a page request's body whole, whatever its size.
//   - the target must be an absolute path that decodes, with no `.`/`..` step, empty step,
//     NUL, encoded slash, backslash or percent-encoded letter, digit or `-._~` in it: 400;
//   - TRACE, TRACK and CONNECT: 405 everywhere; pages and files take GET and HEAD only (405,
//     with Allow); under /api/ the route handlers decide;
//   - a body larger than the route class takes is refused before a byte of it is read: 413
//     (pages take none; /api/ at most API_BODY_LIMIT — a route may set a smaller one itself),
//     and an /api/ body of unknown length gets 411.
export const API_BODY_LIMIT = 64 * 1024;
export type GateRefusal = { status: 400 | 405 | 411 | 413; code: ErrorCode; message: string; headers: Record<string, string> };

const UNRESERVED_ENCODED = /%(?:2[dDeE]|3\d|[46][1-9a-fA-F]|[57][0-9aA]|5[fF]|7[eE])/;
const NEVER = new Set(['TRACE', 'TRACK', 'CONNECT']);
const READ_ONLY = { Allow: 'GET, HEAD' };

export function gateRequest(request: IncomingMessage): GateRefusal | null {
  const target = request.url ?? '';
  const path = target.split('?', 1)[0]!;
  if (!path.startsWith('/') || !isDecodablePath(path)) return refuse(400, 'bad_request', 'Malformed request target');
  const method = request.method ?? 'GET';
  if (NEVER.has(method)) return refuse(405, 'method_not_allowed', `${method} is not supported`, READ_ONLY);
  const api = path === '/api' || path.startsWith('/api/');
  if (!api && method !== 'GET' && method !== 'HEAD') return refuse(405, 'method_not_allowed', 'Only GET and HEAD', READ_ONLY);
  const length = request.headers['content-length'];
  const limit = api ? API_BODY_LIMIT : 0;
  if (length !== undefined && Number(length) > limit) return refuse(413, 'payload_too_large', `Request bodies here are limited to ${limit} bytes`, { Connection: 'close' });
  if (length === undefined && request.headers['transfer-encoding'] !== undefined) {
    return api ? refuse(411, 'length_required', 'Send a Content-Length', { Connection: 'close' }) : refuse(413, 'payload_too_large', 'Pages take no request body', { Connection: 'close' });
  }
  return null;
}

function isDecodablePath(path: string): boolean {
  const segments = path.split('/').slice(1);
  if (segments.slice(0, -1).includes('')) return false; // `//`: a trailing slash alone is Next's to redirect
  for (const segment of segments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return false;
    }
    if (decoded === '.' || decoded === '..' || /[\0/\\]/.test(decoded) || segment.includes('\\')) return false;
    if (UNRESERVED_ENCODED.test(segment)) return false; // `%70review.jpg`: another spelling of `preview.jpg`
  }
  return true;
}

function refuse(status: GateRefusal['status'], code: ErrorCode, message: string, headers: Record<string, string> = {}): GateRefusal {
  return { status, code, message, headers };
}
