import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { KeyframeDecoder } from './keyframe-decoder.ts';
import { parsePpm } from './parse-ppm.ts';
import { readKeyframe } from './read-keyframe.ts';

const dir = mkdtempSync(join(tmpdir(), 'lookout-decoder-'));
let decoder: KeyframeDecoder;
afterEach(() => decoder?.close());

// Two 1 s segments per stream, each starting on a keyframe, as the ingest cuts them.
function encode(name: string, size: string, codecArgs: string[]): string[] {
  const pattern = join(dir, `${name}-%d.ts`);
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=25`, '-t', '2', ...codecArgs, '-pix_fmt', 'yuv420p', '-g', '25', '-f', 'segment', '-segment_time', '1', '-segment_format', 'mpegts', pattern]);
  return [0, 1].map((i) => pattern.replace('%d', String(i)));
}

// What a one-off `ffmpeg -skip_frame nokey -i segment -frames:v 1` makes of the segment.
function reference(segment: string): Buffer {
  return parsePpm(execFileSync('ffmpeg', ['-v', 'error', '-skip_frame', 'nokey', '-i', segment, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'ppm', 'pipe:1'], { maxBuffer: 64 << 20 })).data;
}

const streams: Record<string, string[]> = {};
beforeAll(() => {
  streams.plain = encode('plain', '640x360', ['-c:v', 'libx264', '-preset', 'ultrafast']);
  streams.bframes = encode('bframes', '640x360', ['-c:v', 'libx264', '-preset', 'fast', '-bf', '3']);
  streams.hevc = encode('hevc', '320x180', ['-c:v', 'libx265', '-x265-params', 'log-level=error']);
  streams.large = encode('large', '1280x720', ['-c:v', 'libx264', '-preset', 'ultrafast']);
}, 60_000);

describe('KeyframeDecoder', () => {
  it.each(['plain', 'bframes', 'hevc'])('gives exactly the keyframe asked for, grab after grab (%s)', async (name) => {
    decoder = new KeyframeDecoder('ffmpeg');
    const [first, second] = streams[name]!.map(reference);
    expect(first!.equals(second!)).toBe(false);
    for (const [segment, expected] of [...streams[name]!.map((s, i) => [s, [first, second][i]] as const), [streams[name]![0]!, first] as const]) {
      const frame = await decoder.decode(readKeyframe(readFileSync(segment)));
      expect(frame.data.equals(expected!), segment).toBe(true);
    }
  });

  it('scales frames wider than the widest snapshot down, keeping the aspect', async () => {
    decoder = new KeyframeDecoder('ffmpeg', { maxWidth: 640 });
    const large = await decoder.decode(readKeyframe(readFileSync(streams.large![0]!)));
    const plain = await decoder.decode(readKeyframe(readFileSync(streams.plain![0]!)));
    expect([large.width, large.height, plain.width, plain.height]).toEqual([640, 360, 640, 360]);
    expect(plain.data.equals(reference(streams.plain![0]!))).toBe(true);
  });

  it('starts afresh after a bad keyframe, and a closed decoder leaves no process behind', async () => {
    decoder = new KeyframeDecoder('ffmpeg', { timeoutMs: 2_000 });
    await decoder.decode(readKeyframe(readFileSync(streams.plain![0]!)));
    const pid = decoder.pid!;
    await expect(decoder.decode({ codec: 'h264', data: Buffer.alloc(5000, 0x5a) })).rejects.toThrow();
    await waitFor(() => !existsSync(`/proc/${pid}`), { what: 'the old decoder to exit' });
    const frame = await decoder.decode(readKeyframe(readFileSync(streams.large![1]!)));
    expect([frame.width, frame.height]).toEqual([1280, 720]);
    expect(frame.data.equals(reference(streams.large![1]!))).toBe(true);
    const last = decoder.pid!;
    decoder.close();
    await waitFor(() => !existsSync(`/proc/${last}`), { what: 'the decoder to exit' });
  });
});
