import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/config/load-config.ts';
import { buildIngestArgs, buildTestPattern } from './build-ingest-args.ts';

const target = { stagingDir: '/data/staging/cam', runId: 'run1' };
const camera = (source: string, extra: Record<string, unknown> = {}) => parseConfig({ cameras: [{ id: 'cam', name: 'Cam', source, ...extra }] }).cameras[0]!;

const OUTPUT = ['-map', '0:v:0'];
const SEGMENTER = ['-an', '-f', 'segment', '-segment_format', 'mpegts', '-segment_time', '2', '-segment_time_delta', '0.3', '-reset_timestamps', '0', '-segment_list', 'pipe:1', '-segment_list_type', 'csv', '/data/staging/cam/run1-%06d.ts'];
const HEAD = ['-hide_banner', '-nostats', '-loglevel', 'warning'];

describe('buildIngestArgs', () => {
  it('reads RTSP cameras as raw H.264 from stdin (our own RTSP client feeds it), so no URL or password is on the command line', () => {
    for (const cam of [camera('rtsp://10.0.0.2/s'), camera('rtsp://u:p@10.0.0.2/s'), camera('rtsps://10.0.0.2/s', { username: 'u', password: 'p' })]) {
      expect(buildIngestArgs(cam, target)).toEqual([...HEAD, '-f', 'h264', '-use_wallclock_as_timestamps', '1', '-i', 'pipe:0', ...OUTPUT, '-c:v', 'copy', ...SEGMENTER]);
    }
    expect(buildIngestArgs(camera('rtsp://10.0.0.2/s', { frameRate: 25 }), target).slice(4, 10)).toEqual(['-f', 'h264', '-framerate', '25', '-i', 'pipe:0']);
  });

  it('reads raw H.264 over TCP with wall-clock timestamps unless the frame rate is known', () => {
    expect(buildIngestArgs(camera('tcp://10.0.0.3:5000', { timeoutSeconds: 5 }), target)).toEqual([
      ...HEAD, '-f', 'h264', '-use_wallclock_as_timestamps', '1', '-timeout', '5000000', '-i', 'tcp://10.0.0.3:5000', ...OUTPUT, '-c:v', 'copy', ...SEGMENTER,
    ]);
    expect(buildIngestArgs(camera('tcp://10.0.0.3:5000', { frameRate: 30 }), target).slice(4, 8)).toEqual(['-f', 'h264', '-framerate', '30']);
  });

  it('loops a local file in real time', () => {
    expect(buildIngestArgs(camera('file:///srv/my%20demo.ts', { segmentSeconds: 4 }), target)).toEqual([
      ...HEAD, '-re', '-stream_loop', '-1', '-i', '/srv/my demo.ts', ...OUTPUT, '-c:v', 'copy', ...SEGMENTER.map((a) => (a === '2' ? '4' : a)),
    ]);
  });

  it('encodes the test pattern with a keyframe every second', () => {
    expect(buildIngestArgs(camera('test:'), target)).toEqual([
      ...HEAD, '-re', '-f', 'lavfi', '-i', buildTestPattern(), ...OUTPUT,
      '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', '25', '-keyint_min', '25', '-sc_threshold', '0', '-b:v', '2500k', '-maxrate', '2500k', '-bufsize', '5000k',
      ...SEGMENTER,
    ]);
    expect(buildTestPattern()).toMatch(/^testsrc2=size=1280x720:rate=25,drawtext=.*%\{localtime\}/);
  });
});
