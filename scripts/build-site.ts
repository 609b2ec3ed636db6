// The site's build: `next build`, then the files the site server sends from memory
// (lib/site-server/static-assets): hls.js as its own versioned script, and a brotli and a gzip copy of
// every compressible file, made once here instead of per request.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HLS_SCRIPT_NAME } from '../components/player/hls-script-src.ts';
import { ASSET_DIRS, PLAYER_DIR } from '../lib/site-server/static-assets/asset-dirs.ts';
import { precompressDir } from '../lib/site-server/static-assets/precompress.ts';

const built = spawnSync('node_modules/.bin/next', ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
if (built.status !== 0) process.exit(built.status ?? 1);

// hls.js's own minified light build, without its source-map comment (the map is not shipped).
rmSync(PLAYER_DIR, { recursive: true, force: true });
mkdirSync(PLAYER_DIR, { recursive: true });
const hls = readFileSync('node_modules/hls.js/dist/hls.light.min.js', 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
writeFileSync(join(PLAYER_DIR, HLS_SCRIPT_NAME), hls);

for (const { dir } of ASSET_DIRS) {
  const { files, bytes, brBytes } = precompressDir(dir);
  console.log(`precompressed ${files} files in ${dir}: ${(bytes / 1024).toFixed(0)} kB → ${(brBytes / 1024).toFixed(0)} kB brotli`);
}
