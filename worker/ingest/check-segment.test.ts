import { describe, expect, it } from 'vitest';
import { buildCheckArgs, checkSegment } from './check-segment.ts';

const HEAD = ['-hide_banner', '-nostdin', '-nostats', '-v', 'error', '-xerror', '-probesize', '32768', '-analyzeduration', '0', '-threads', '1', '-skip_loop_filter', 'all'];
const TAIL = ['-map', '0:v:0', '-fps_mode', 'drop', '-flush_packets', '1', '-f', 'framecrc', '-'];

describe('buildCheckArgs', () => {
  it('full: decodes every frame, without deblocking, and fails on the first corrupt one', () => {
    expect(buildCheckArgs('full', '/data/staging/cam/run1-000042.ts')).toEqual([...HEAD, '-i', '/data/staging/cam/run1-000042.ts', ...TAIL]);
  });

  it('keyframes: decodes the keyframes only', () => {
    expect(buildCheckArgs('keyframes', 'seg.ts')).toEqual([...HEAD, '-skip_frame', 'nokey', '-i', 'seg.ts', ...TAIL]);
  });
});

describe('checkSegment', () => {
  it('does not start ffmpeg when the check is off', async () => {
    expect(await checkSegment('/nonexistent/ffmpeg', 'seg.ts', 'off')).toEqual({ ok: true, errors: [], frames: 0 });
  });

  it('fails a segment when ffmpeg cannot start', async () => {
    const check = await checkSegment('/nonexistent/ffmpeg', 'seg.ts', 'full');
    expect(check.ok).toBe(false);
    expect(check.errors[0]).toMatch(/ENOENT/);
  });
});
