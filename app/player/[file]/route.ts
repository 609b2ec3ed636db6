import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HLS_SCRIPT_NAME } from '@/components/player/hls-script';

type Context = { params: Promise<{ file: string }> };

// hls.js's own minified light build, served as a classic script under a versioned name and
// cached for a year: the browser compiles it while it streams in, and the page's inline
// bootstrap (components/player/early-start.ts) runs it without waiting for React. Next
// compresses the response (a pre-gzipped body would be gzipped twice).
let script: Uint8Array | undefined;

function readScript(): Uint8Array {
  const file = join(process.cwd(), 'node_modules', 'hls.js', 'dist', 'hls.light.min.js'); // `next start` runs in the project
  return new TextEncoder().encode(readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
}

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  if ((await params).file !== HLS_SCRIPT_NAME) return new Response('Not found', { status: 404 });
  script ??= readScript();
  return new Response(script.slice(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' } });
}
