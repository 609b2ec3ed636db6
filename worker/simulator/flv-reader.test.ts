import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getNalType, NAL_TYPE } from '../../lib/h264/annex-b.ts';
import { buildSequenceHeader, buildVideoTag, FLV_HEADER } from '../ingest/flv-writer.ts';
import { FlvReader } from './flv-reader.ts';

describe('FlvReader', () => {
  it('reads x264 output from ffmpeg, cut anywhere, with the encoder PTS and DTS that ffprobe reports', () => {
    const flv = execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=160x96:rate=25', '-frames:v', '12', '-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '2', '-g', '6', '-pix_fmt', 'yuv420p', '-f', 'flv', '-']);
    const probe = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'packet=pts,dts', '-of', 'csv=p=0', '-'], { input: flv }).toString().trim().split('\n').map((l) => l.split(',').map(Number));
    const reader = new FlvReader();
    const frames = [];
    for (let i = 0; i < flv.length; i += 777) frames.push(...reader.push(flv.subarray(i, i + 777)));
    expect(frames.map((f) => [f.ptsMs, f.dtsMs])).toEqual(probe);
    expect(frames.filter((f) => f.keyframe)).toHaveLength(2);
    expect(getNalType(reader.parameterSets!.sps)).toBe(NAL_TYPE.sps);
    expect(getNalType(reader.parameterSets!.pps)).toBe(NAL_TYPE.pps);
  });

  it('reads back what the worker writes', () => {
    const sps = Buffer.from([0x67, 0x42, 0xc0, 0x1e, 1]);
    const pps = Buffer.from([0x68, 0xce]);
    const idr = Buffer.from([0x65, 0x88, 1, 2]);
    const reader = new FlvReader();
    const frames = reader.push(Buffer.concat([FLV_HEADER, buildSequenceHeader(sps, pps, 0), buildVideoTag({ nals: [sps, pps, idr], keyframe: true, dtsMs: 2 ** 24 + 5, ptsMs: 2 ** 24 + 85 })]));
    expect(frames).toEqual([{ nals: [idr], keyframe: true, dtsMs: 2 ** 24 + 5, ptsMs: 2 ** 24 + 85 }]);
    expect(reader.parameterSets).toEqual({ sps, pps });
  });
});
