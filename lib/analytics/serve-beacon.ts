import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_ADDRESS_HEADER } from '../net/client-address.ts';
import { countBeaconRejected } from './analytics-metrics.ts';
import { MAX_BEACON_BYTES } from './beacon-schema.ts';
import { acceptBeacon, admitBeacon, type BeaconOutcome } from './handle-beacon.ts';
import { TurnQueue } from './turn-queue.ts';

const DISCARD_LIMIT = 64 * 1024; // a longer upload is cut off, not drained
const answers = new TurnQueue(8);
const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

function send(response: ServerResponse, outcome: BeaconOutcome): void {
  if (!('code' in outcome)) {
    response.writeHead(204, { 'Cache-Control': 'no-store' }).end();
    return;
  }
  countBeaconRejected(outcome.code);
  const body = JSON.stringify({ error: { code: outcome.code, message: outcome.message } });
  response.writeHead(outcome.status, { ...JSON_HEADERS, ...outcome.headers, 'Content-Length': Buffer.byteLength(body) }).end(body);
}

// The site server answers POST /api/beacon itself, before Next: a beacon costs a fraction of a
// Next request, so a flood of them leaves pages and video alone. Returns false for other paths.
export function serveBeacon(request: IncomingMessage, response: ServerResponse): boolean {
  const path = request.url?.split('?')[0];
  if (path !== '/api/beacon') return false;
  if (request.method !== 'POST') {
    send(response, { status: 405, code: 'method_not_allowed', message: 'Send beacons with POST.', headers: { Allow: 'POST' } });
    return true;
  }
  const address = String(request.headers[CLIENT_ADDRESS_HEADER] ?? '');
  const refused = admitBeacon(address);
  if (refused) return (send(response, refused), request.resume(), true);
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BEACON_BYTES) tooLarge(response); // answered before a byte of the body is read
  const chunks: Buffer[] = [];
  let size = 0;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > DISCARD_LIMIT) return void request.destroy();
    if (size > MAX_BEACON_BYTES) return tooLarge(response); // the rest is discarded, not kept
    chunks.push(chunk);
  });
  request.on('end', () =>
    answers.push(() => {
      if (response.headersSent || response.destroyed) return;
      const headers = request.headers;
      send(response, acceptBeacon(Buffer.concat(chunks).toString('utf8'), { address, userAgent: headers['user-agent'] ?? '', host: headers.host, cfCountry: typeof headers['cf-ipcountry'] === 'string' ? headers['cf-ipcountry'] : undefined }));
    }),
  );
  request.on('error', () => response.destroy());
  return true;
}

function tooLarge(response: ServerResponse): void {
  if (!response.headersSent) send(response, { status: 413, code: 'body_too_large', message: `A beacon is at most ${MAX_BEACON_BYTES} bytes.` });
}
