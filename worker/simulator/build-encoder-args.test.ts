import { describe, expect, it } from 'vitest';
import { buildEncoderArgs, buildFrameCounter, buildTestPattern } from './build-encoder-args.ts';

describe('buildEncoderArgs', () => {
  it('encodes the test pattern in real time to FLV on stdout (the encoder keeps its timestamps), one IDR a second, no B-frames', () => {
    expect(buildEncoderArgs({ width: 640, height: 360, bitrateKbps: 1200 })).toEqual([
      '-hide_banner', '-nostdin', '-nostats', '-loglevel', 'warning', '-re',
      '-f', 'lavfi', '-i', buildTestPattern(640, 360), '-an',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
      '-g', '25', '-keyint_min', '25', '-sc_threshold', '0',
      '-b:v', '1200k', '-maxrate', '1200k', '-bufsize', '2400k',
      '-flush_packets', '1', '-f', 'flv', 'pipe:1',
    ]);
  });

  it('sets the GOP, frame rate and B-frames of a real camera', () => {
    const args = buildEncoderArgs({ width: 640, height: 360, bitrateKbps: 1200, frameRate: 30, gopSeconds: 2, bFrames: 2 });
    expect(args).toContain(buildTestPattern(640, 360, 30));
    expect(args.slice(args.indexOf('-preset'), args.indexOf('-sc_threshold'))).toEqual(['-preset', 'ultrafast', '-bf', '2', '-pix_fmt', 'yuv420p', '-g', '60', '-keyint_min', '60']);
  });
});

describe('buildTestPattern', () => {
  it('burns the wall clock into testsrc2, scaled to the picture', () => {
    expect(buildTestPattern(1280, 720)).toBe(
      `testsrc2=size=1280x720:rate=25,drawtext=fontfile=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf:text='%{localtime}':fontsize=55:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=11:x=w-tw-44:y=h-th-44,${buildFrameCounter()}`,
    );
  });
});
