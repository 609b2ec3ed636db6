import type { ServerResponse } from 'node:http';
import { errorBody, type ErrorCode } from './errors.ts';

// The one response helper, for plain Node servers (origin, site server, simulator) and for
// Next route handlers alike. JSON always carries its length and charset.
const JSON_TYPE = 'application/json; charset=utf-8';

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Cache-Control': 'no-store', ...headers, 'Content-Type': JSON_TYPE, 'Content-Length': String(Buffer.byteLength(text)) });
  response.end(response.req?.method === 'HEAD' ? undefined : text);
}

export function sendError(response: ServerResponse, status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): void {
  sendJson(response, status, errorBody(code, message), headers);
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Cache-Control': 'no-store', ...headers, 'Content-Type': JSON_TYPE } });
}

export function errorResponse(status: number, code: ErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, errorBody(code, message), headers);
}
