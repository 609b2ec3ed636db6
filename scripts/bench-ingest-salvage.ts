import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readCpuTicks, TICKS_PER_SECOND } from '../lib/proc-stat.ts';
import { checkSegment } from '../worker/ingest/check-segment.ts';
import { salvageDamaged } from '../worker/ingest/salvage-damage.ts';
import { measureDuration } from '../worker/ingest/segment-packets.ts';
import { loadCorpus } from './bench-ingest-detection.ts';

// For `npm run bench:ingest -- salvage [N]`: what keeping the clean frames of a damaged
// segment costs, as CPU of the ffmpeg runs, against the integrity check that found the damage
// (the baseline, measured on the same segments in the same run), and how much of the damaged
// video it keeps. Segments: 2 s, two 1 s GOPs, a 200–8000-byte chunk cut from the H.264.
const childrenCpuMs = () => (readCpuTicks('self').children * 1000) / TICKS_PER_SECOND;

export async function printSalvage(cacheDir: string, count: number): Promise<void> {
  console.log(`bench:ingest salvage — ${count} segments with a chunk cut from the H.264 stream; CPU in ms per damaged segment, 2-core machine\n`);
  for (const size of ['1280x720', '1920x1080']) {
    const corpus = loadCorpus(cacheDir, size, count);
    const dir = mkdtempSync(join(tmpdir(), 'lookout-salvage-bench-'));
    let damaged = 0, checkMs = 0, salvageMs = 0, kept = 0, total = 0, wallMs = 0;
    for (const source of corpus.h264Cut) {
      const file = join(dir, basename(source));
      copyFileSync(source, file);
      const t0 = childrenCpuMs();
      const check = await checkSegment('ffmpeg', file, 'full');
      const t1 = childrenCpuMs();
      if (check.ok) continue; // a cut the decoder did not see (scripts/bench-ingest-detection.ts)
      const started = performance.now();
      const parts = await salvageDamaged('ffmpeg', file, check.frames, 'full', check.errors);
      wallMs += performance.now() - started;
      salvageMs += childrenCpuMs() - t1;
      checkMs += t1 - t0;
      damaged++;
      total += await measureDuration('ffprobe', file);
      kept += parts.reduce((sum, part) => sum + (part.ok ? part.duration : 0), 0);
    }
    rmSync(dir, { recursive: true, force: true });
    const per = (ms: number) => (ms / damaged).toFixed(0).padStart(5);
    console.log(
      `${size.padEnd(9)}  ${damaged} damaged  check ${per(checkMs)} ms  salvage ${per(salvageMs)} ms CPU (${(salvageMs / checkMs).toFixed(2)}× the check), ${per(wallMs)} ms wall  ` +
        `kept ${((kept / total) * 100).toFixed(0)} % of the damaged segments' video`,
    );
  }
}
