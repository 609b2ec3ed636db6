import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/config/load-config.ts';
import { buildIngestArgs, buildTestPattern } from './build-ingest-args.ts';

const target = { stagingDir: '/data/staging/cam', runId: 'run1' };
const camera = (source: string, extra: Record<string, unknown> = {}) => parseConfig({ cameras: [{ id: 'cam', name: 'Cam', source, ...extra }] }).cameras[0]!;

const OUTPUT = ['-map', '0:v:0'];
const SEGMENTER = ['-an', '-f', 'segment', '-segment_format', 'mpegts', '-segment_time', '2', '-segment_time_delta', '0.3', '-reset_timestamps', '0', '-segment_list', 'pipe:1', '-segment_list_type', 'csv', '/data/staging/cam/run1-%06d.ts'];
const HEAD = ['-hide_banner', '-nostats', '-loglevel', 'warning'];

describe('buildIngestArgs', () => {
  it('reads RTSP and raw TCP cameras as FLV from stdin (the worker reads the camera and writes its timing), so no URL or password is on the command line', () => {
    const fromStdin = ['-f', 'flv', '-probesize', '32', '-analyzeduration', '0', '-fpsprobesize', '0', '-i', 'pipe:0'];
    const cameras = [camera('rtsp://10.0.0.2/s'), camera('rtsp://u:p@10.0.0.2/s'), camera('rtsps://10.0.0.2/s', { username: 'u', password: 'p' }), camera('rtsp://10.0.0.2/s', { frameRate: 25 }), camera('tcp://10.0.0.3:5000', { timeoutSeconds: 5 }), camera('tcp://10.0.0.3:5000', { frameRate: 30 })];
    for (const cam of cameras) expect(buildIngestArgs(cam, target)).toEqual([...HEAD, ...fromStdin, ...OUTPUT, '-c:v', 'copy', ...SEGMENTER]);
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
