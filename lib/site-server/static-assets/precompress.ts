import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { listFiles } from './static-assets.ts';

const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json', '.txt']);

// Build step: writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every
// compressible file under `dir`, once, so the site never compresses them per request.
// A copy that would not be smaller is not written. Returns the bytes before and after (br).
export function precompressDir(dir: string): { files: number; bytes: number; brBytes: number } {
  const totals = { files: 0, bytes: 0, brBytes: 0 };
  for (const file of listFiles(dir).filter((f) => COMPRESSIBLE.has(extname(f)))) {
    const body = readFileSync(file);
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } });
    const gz = gzipSync(body, { level: 9 });
    if (br.length < body.length) writeFileSync(`${file}.br`, br);
    if (gz.length < body.length) writeFileSync(`${file}.gz`, gz);
    totals.files++;
    totals.bytes += body.length;
    totals.brBytes += Math.min(br.length, body.length);
  }
  return totals;
}
