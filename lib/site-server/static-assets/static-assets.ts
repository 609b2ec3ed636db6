import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chooseEncoding, type Encoding } from './choose-encoding.ts';

// The site's build output (Next's hashed chunks, the versioned hls.js script) served from
// memory with the brotli and gzip copies made at build time (precompress.ts). Next's own
// server gzips every one of these per request on the thread that also renders pages and
// passes media through; on a 2-core machine that stood between a visitor and the first frame.
export type StaticAsset = { type: string; hash: string; bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer } };
export type StaticAssets = Map<string, StaticAsset>;

export const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

// Every file under `dir` with a known type becomes `urlPrefix` + its relative path.
// Names in these folders are content-hashed or versioned, so they are cached for a year.
export function loadStaticAssets(dir: string, urlPrefix: string, into: StaticAssets = new Map()): StaticAssets {
  if (!existsSync(dir)) return into;
  for (const file of listFiles(dir)) {
    const type = ASSET_TYPES[extname(file)];
    if (!type) continue; // also skips the .br and .gz copies, read below
    const identity = readFileSync(file);
    const bodies: StaticAsset['bodies'] = { identity };
    if (existsSync(`${file}.br`)) bodies.br = readFileSync(`${file}.br`);
    if (existsSync(`${file}.gz`)) bodies.gzip = readFileSync(`${file}.gz`);
    const hash = createHash('sha1').update(identity).digest('base64url').slice(0, 20);
    into.set(urlPrefix + relative(dir, file).split(sep).join('/'), { type, hash, bodies });
  }
  return into;
}

// Answers GET and HEAD for a known asset and returns true; anything else is left to Next.
export function serveStaticAsset(request: IncomingMessage, response: ServerResponse, assets: StaticAssets): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = (request.url ?? '').split('?', 1)[0]!;
  const asset = assets.get(path);
  if (!asset) return false;
  const encoding = chooseEncoding(request.headers['accept-encoding'], Object.keys(asset.bodies) as Encoding[]);
  if (encoding === null) {
    response.writeHead(406, { 'Content-Type': 'text/plain; charset=utf-8', Vary: 'Accept-Encoding' }).end('No acceptable encoding\n');
    return true;
  }
  const etag = encoding === 'identity' ? `"${asset.hash}"` : `"${asset.hash}-${encoding}"`; // one per representation
  const headers: Record<string, string> = {
    'Content-Type': asset.type,
    'Cache-Control': IMMUTABLE,
    ETag: etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
  };
  if (request.headers['if-none-match']?.split(/\s*,\s*/).some((tag) => tag.replace(/^W\//, '') === etag || tag === '*')) {
    response.writeHead(304, headers).end();
    return true;
  }
  const body = asset.bodies[encoding]!;
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  headers['Content-Length'] = String(body.length);
  response.writeHead(200, headers).end(request.method === 'HEAD' ? undefined : body);
  return true;
}
