import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HLS_SCRIPT_NAME } from '@/components/player/hls-script';

type Context = { params: Promise<{ file: string }> };

// hls.js's own minified light build, served as a classic script under a versioned name: cached
// for a year, and compiled off the main thread while it streams in. `allFunctionsCalledOnLoad`
// is V8's explicit compile hint: the player calls most of hls.js at once, so compile all of it
// in the background now instead of function by function on the main thread later.
// (Next compresses the response; a pre-gzipped body would be gzipped twice.)
let script: Uint8Array | undefined;

function readScript(): Uint8Array {
  const file = join(process.cwd(), 'node_modules', 'hls.js', 'dist', 'hls.light.min.js'); // `next start` runs in the project
  const source = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
  return new TextEncoder().encode(`//# allFunctionsCalledOnLoad\n${source}`);
}

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  if ((await params).file !== HLS_SCRIPT_NAME) return new Response('Not found', { status: 404 });
  script ??= readScript();
  return new Response(script.slice(), { headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' } });
}
