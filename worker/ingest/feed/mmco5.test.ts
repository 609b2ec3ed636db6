import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AccessUnitGrouper, type AccessUnit } from '../../../lib/h264/access-units.ts';
import { getNalType, isSlice, joinAnnexB, NalSplitter } from '../../../lib/h264/annex-b.ts';
import { ParameterSets } from '../../../lib/h264/parameter-sets.ts';
import { PictureOrderCounter } from '../../../lib/h264/picture-order.ts';
import { decodeErrors } from '../../../lib/testing/ffmpeg.ts';
import { rewriteSlice } from '../../../lib/testing/h264-rewrite.ts';
import { IngestFeed } from './ingest-feed.ts';

// x264 Baseline (POC type 2, frame_num 0..5 per 6-frame GOP), with mmco 5 written into the
// third frame of each GOP: frame_num then restarts, 2 3 4 5 → 2 1 2 3.
function mmco5Stream(): AccessUnit[] {
  const splitter = new NalSplitter();
  const grouper = new AccessUnitGrouper();
  const nals = [...splitter.push(readFileSync(join(import.meta.dirname, '../../../lib/h264/fixtures/x264-baseline-nob.h264'))), ...splitter.flush()];
  const units = [...nals.map((nal) => grouper.push(nal)).filter((u) => u !== undefined), grouper.flush()!];
  const sets = new ParameterSets();
  return units.map((unit, i) => {
    for (const nal of unit.nals) sets.remember(nal);
    const inGop = i % 6;
    if (inGop < 2) return unit;
    const nals = unit.nals.map((nal) => (isSlice(getNalType(nal)) ? rewriteSlice(nal, sets, { frameNum: inGop === 2 ? 2 : inGop - 2, mmco5: inGop === 2 }) : nal));
    return { ...unit, nals };
  });
}

describe('memory_management_control_operation 5 (frame_num and POC restart without an IDR)', () => {
  const units = mmco5Stream();

  it('is found in the slice header, and restarts the POC', () => {
    const sets = new ParameterSets();
    const counter = new PictureOrderCounter();
    const seen = units.map((unit) => {
      for (const nal of unit.nals) sets.remember(nal);
      const slice = sets.parseSlice(unit.nals.find((nal) => isSlice(getNalType(nal)))!);
      return { frameNum: slice.frameNum, mmco5: slice.mmco5, poc: counter.next(slice, sets.spsFor(slice)) };
    });
    expect(seen.map((s) => s.frameNum)).toEqual([0, 1, 2, 1, 2, 3, 0, 1, 2, 1, 2, 3]);
    expect(seen.map((s) => s.mmco5)).toEqual([false, false, true, false, false, false, false, false, true, false, false, false]);
    expect(seen.map((s) => s.poc)).toEqual([0, 2, 0, 2, 4, 6, 0, 2, 0, 2, 4, 6]);
  });

  it('decodes cleanly in ffmpeg (the crafted stream is valid), and the feed passes every frame at a steady 25 fps', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-mmco5-'));
    const raw = join(dir, 'mmco5.h264');
    writeFileSync(raw, Buffer.concat(units.map((u) => joinAnnexB(u.nals))));
    expect(await decodeErrors(raw)).toEqual([]);

    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (chunk: Buffer) => chunks.push(chunk));
    const feed = new IngestFeed(output, { frameRate: 25 });
    units.forEach((unit, i) => feed.push({ nals: unit.nals, arrivalMs: i * 40 }));
    expect(feed.stats.summary()).toMatchObject({ frames: 12, droppedFrames: 0, losses: 0 });
    const flv = join(dir, 'mmco5.flv');
    writeFileSync(flv, Buffer.concat(chunks));
    const packets = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'packet=pts,dts', '-of', 'csv=p=0', flv]).toString().trim().split('\n').map((l) => l.split(',').map(Number));
    expect(packets).toHaveLength(12);
    packets.forEach(([pts, dts], i) => {
      expect(pts).toBe(dts);
      if (i > 0) expect(pts! - packets[i - 1]![0]!).toBe(40);
    });
    expect(await decodeErrors(flv)).toEqual([]);
  });
});
