import { describe, expect, it } from 'vitest';
import { restartDelayMs } from './backoff.ts';
import { hintForStderr } from './stderr-hints.ts';

describe('restartDelayMs', () => {
  it('retries at once, then doubles up to a minute', () => {
    expect([0, 1, 2, 3, 4, 6, 7, 8, 20].map((n) => restartDelayMs(n))).toEqual([0, 1000, 2000, 4000, 8000, 32000, 60000, 60000, 60000]);
  });

  it('keeps retrying every 5 s at most while the camera was live a moment ago', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map((n) => restartDelayMs(n, { recentlyLive: true }))).toEqual([0, 1000, 2000, 4000, 5000, 5000, 5000]);
  });
});

describe('hintForStderr', () => {
  it.each([
    ['[rtsp @ 0x55] method DESCRIBE failed: 401 Unauthorized', 'wrong camera password'],
    ['tcp://127.0.0.1:5000: Connection refused', 'connection refused'],
    ['[tcp @ 0x1] Connection to tcp://10.0.0.9:554 failed: Connection timed out', 'timeout'],
    ['Output file #0 does not contain any stream', 'no video stream'],
    ['[h264 @ 0x1] error while decoding MB 12 40, bytestream -7', 'corrupt video'],
  ])('%s', (line, hint) => {
    expect(hintForStderr(line)).toContain(hint);
  });

  it('ignores lines it does not know', () => {
    expect(hintForStderr('Input #0, rtsp, from ...')).toBeUndefined();
  });
});
