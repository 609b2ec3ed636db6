import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AccessUnitGrouper } from '../../../lib/h264/access-units.ts';
import { NalSplitter } from '../../../lib/h264/annex-b.ts';
import { IngestFeed, segmentCloseDueMs } from './ingest-feed.ts';

function fixtureNals(name: string): Buffer[] {
  const splitter = new NalSplitter();
  return [...splitter.push(readFileSync(join(import.meta.dirname, '../../../lib/h264/fixtures', name))), ...splitter.flush()];
}

function feedFixture(name: string, options: { rtp?: boolean; frameRate?: number } = {}): { flv: Buffer; feed: IngestFeed } {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const feed = new IngestFeed(output, { frameRate: options.frameRate });
  const grouper = new AccessUnitGrouper();
  const nals = fixtureNals(name);
  const units = [...nals.map((nal) => grouper.push(nal)).filter((u) => u !== undefined), grouper.flush()!];
  // RTP: x264's display order for these frames (POC / 2 within each 8-frame GOP), 3000 ticks a frame at 30 fps.
  const display = [0, 3, 1, 2, 6, 4, 5, 7];
  units.forEach((unit, i) => feed.push({ nals: unit.nals, arrivalMs: i * 33, rtpTimestamp: options.rtp ? (2 ** 32 - 6000 + (Math.floor(i / 8) * 8 + display[i % 8]!) * 3000) >>> 0 : undefined }));
  return { flv: Buffer.concat(chunks), feed };
}

function probe(flv: Buffer): number[][] {
  const out = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'packet=pts,dts,flags', '-of', 'csv=p=0', '-'], { input: flv }).toString();
  return out.trim().split('\n').map((line) => line.split(',').slice(0, 2).map(Number));
}

describe('IngestFeed → FLV, read back by ffprobe', () => {
  it('raw H.264 with B-frames: display order from the POC, 30 fps from the SPS, PTS ≥ DTS, DTS rising', () => {
    const { flv, feed } = feedFixture('x264-high-bframes.h264');
    const packets = probe(flv);
    expect(packets.length).toBe(14); // the last two wait for frames that would come after them
    const steps = packets.map(([pts]) => pts!).sort((a, b) => a - b).slice(1).map((v, i, all) => v - (i === 0 ? packets.map(([p]) => p!).sort((a, b) => a - b)[0]! : all[i - 1]!));
    for (const step of steps) expect(Math.abs(step - 33.3)).toBeLessThan(1);
    packets.forEach(([pts, dts], i) => {
      expect(pts).toBeGreaterThanOrEqual(dts!);
      if (i > 0) expect(dts).toBeGreaterThan(packets[i - 1]![1]!);
    });
    expect(feed.stats.summary()).toMatchObject({ profile: 'High', width: 320, height: 180, frameRate: 30, frameRateSource: 'sps', bFrames: true, reorderDepth: 2, gopFrames: 8 });
  });

  it('RTSP: presentation times are the RTP timestamps, across their 32-bit wrap', () => {
    const { flv } = feedFixture('x264-high-bframes.h264', { rtp: true });
    const packets = probe(flv);
    expect(packets.length).toBe(16);
    const pts = packets.map(([p]) => p!);
    const expected = [0, 100, 33.3, 66.7, 200, 133.3, 166.7, 233.3, 266.7, 366.7, 300, 333.3, 466.7, 400, 433.3, 500];
    pts.forEach((p, i) => expect(Math.abs(p - pts[0]! - expected[i]!)).toBeLessThanOrEqual(1)); // FLV milliseconds
    packets.forEach(([p, d]) => expect(p).toBeGreaterThanOrEqual(d!));
  });
});

describe('IngestFeed.awaitsKeyframe', () => {
  it('is true while units keep arriving and no keyframe has reached ffmpeg since the last segment, or one only just did', () => {
    const { feed } = feedFixture('x264-high-bframes.h264'); // 16 units 33 ms apart; keyframes at 0 and 264 ms
    expect(feed.awaitsKeyframe(100, 600)).toBe(true); // the keyframe at 264 ms may still be on its way to a segment
    expect(feed.awaitsKeyframe(100, 2300)).toBe(false); // it was not, and the camera is silent anyway
    expect(feed.awaitsKeyframe(300, 600)).toBe(true); // no keyframe since the last segment
    expect(feed.awaitsKeyframe(300, 1600)).toBe(false); // the camera fell silent: a restart may help
    const { feed: playing } = feedFixture('x264-high-bframes.h264');
    const nals = fixtureNals('x264-high-bframes.h264');
    playing.push({ nals: [nals[4]!], arrivalMs: 2900 }); // frames keep coming
    expect(playing.awaitsKeyframe(100, 2950)).toBe(false); // a keyframe went in at 264 ms and no segment came out: ffmpeg is stuck
    expect(playing.awaitsKeyframe(300, 2950)).toBe(true);
  });

  it('after a loss, waits for a keyframe the loss did not take', () => {
    const { feed } = feedFixture('x264-high-bframes.h264');
    feed.markLoss();
    const nals = fixtureNals('x264-high-bframes.h264');
    feed.push({ nals: [nals[4]!], arrivalMs: 2900 }); // refused: not a keyframe
    expect(feed.awaitsKeyframe(300, 2950)).toBe(true);
    feed.push({ nals: nals.slice(0, 4), arrivalMs: 3000 }); // SPS, PPS, SEI and the IDR again
    for (let i = 4; i < 8; i++) feed.push({ nals: [nals[i]!], arrivalMs: 3000 + (i - 3) * 33 }); // past the reorder depth: the IDR goes out
    expect(feed.awaitsKeyframe(300, 3200)).toBe(true); // in flight to its segment
    feed.push({ nals: [nals[8]!], arrivalMs: 5500 });
    expect(feed.awaitsKeyframe(300, 5500)).toBe(false); // it reached ffmpeg 2.5 s ago and no segment came out
  });

  // CI, raw TCP, 4 s GOP and 4 s segments: a segment announced at 27.5 s; the muxer let the
  // keyframe at 31.43 s by (just short of 4 s in); the one at 35.43 s was cut by a loss; the
  // watchdog restarted at 35.5 s a camera whose next keyframe came at 39.42 s.
  it('does not count a keyframe that came too soon to close the segment as one ffmpeg ignored', () => {
    const { feed } = feedFixture('x264-high-bframes.h264');
    const nals = fixtureNals('x264-high-bframes.h264');
    const keyframeAt = (ms: number) => {
      feed.push({ nals: nals.slice(0, 4), arrivalMs: ms }); // SPS, PPS, SEI and the IDR
      for (let i = 4; i < 8; i++) feed.push({ nals: [nals[i]!], arrivalMs: ms + (i - 3) * 33 }); // past the reorder depth: the IDR goes out
    };
    keyframeAt(31_430);
    feed.noteTraffic(35_450); // the camera still sends: a loss took the next keyframe
    expect(feed.awaitsKeyframe(27_500, 35_500)).toBe(false); // the old reading: stuck, restart
    expect(feed.awaitsKeyframe(segmentCloseDueMs(27_500, 4), 35_500)).toBe(true);
    keyframeAt(33_000); // 5.5 s in: this one had to close the segment
    feed.noteTraffic(35_450);
    expect(feed.awaitsKeyframe(segmentCloseDueMs(27_500, 4), 35_500)).toBe(false);
  });

  it('counts the camera as sending while its bytes arrive, even when no unit reaches the feed', () => {
    const { feed } = feedFixture('x264-high-bframes.h264');
    feed.markLoss();
    expect(feed.awaitsKeyframe(300, 1600)).toBe(false);
    feed.noteTraffic(1500); // an RTSP client throwing frames away until the next keyframe
    expect(feed.awaitsKeyframe(300, 1600)).toBe(true);
  });
});
