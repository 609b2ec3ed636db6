import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { attributePreviewFetch } from './match-portal.ts';

// One line of the edge's `lookout_preview` log format (deploy/nginx/lookout-edge.conf), after
// nginx's syslog header. It carries no client address: the key, the time, the path, ?src=,
// the User-Agent (used for attribution here, then dropped), the cache status and the status.
const lineSchema = z.object({
  k: z.string().max(200),
  t: z.coerce.number().positive(),
  path: z.string().max(300),
  src: z.string().max(200),
  ua: z.string().max(1000),
  cache: z.string().max(20),
  status: z.coerce.number().int(),
});

const PREVIEW_PATH = /^\/(?:cameras\/([a-z0-9-]{1,40})\/)?preview\.jpg$/;

export type EdgePreviewFetch = { cameraId: string | undefined; at: number; portal: string };
export type ParsedEdgeLine = { ok: true; fetch: EdgePreviewFetch | undefined } | { ok: false; reason: 'malformed' | 'bad-key' };

function sameKey(given: string, key: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}

// `cameraId` undefined means /preview.jpg, the default camera. A fetch that failed (4xx/5xx) or
// a line for another path is accepted but counts nothing.
export function parseEdgeLogLine(datagram: string, key: string): ParsedEdgeLine {
  const start = datagram.indexOf('{');
  let json: unknown;
  try {
    json = JSON.parse(datagram.slice(start));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = lineSchema.safeParse(json);
  if (start < 0 || !parsed.success) return { ok: false, reason: 'malformed' };
  const line = parsed.data;
  if (!sameKey(line.k, key)) return { ok: false, reason: 'bad-key' };
  const match = PREVIEW_PATH.exec(line.path);
  if (!match || line.status >= 400) return { ok: true, fetch: undefined };
  return { ok: true, fetch: { cameraId: match[1], at: Math.round(line.t * 1000), portal: attributePreviewFetch(line.src, line.ua) } };
}
