import { describe, expect, it } from 'vitest';
import { redactUrl } from './camera-simulator.ts';

describe('redactUrl', () => {
  it.each([
    ['rtsp://admin:secret@127.0.0.1:8554/stream', 'rtsp://admin:***@127.0.0.1:8554/stream'],
    ['rtsp://admin:s3cr%40t%3A@127.0.0.1/stream', 'rtsp://admin:***@127.0.0.1/stream'],
    ['rtsp://127.0.0.1:8554/stream', 'rtsp://127.0.0.1:8554/stream'],
    ['rtsp://admin@127.0.0.1/stream', 'rtsp://admin@127.0.0.1/stream'],
    ['tcp://127.0.0.1:5000', 'tcp://127.0.0.1:5000'],
  ])('%s → %s', (url, redacted) => {
    expect(redactUrl(url)).toBe(redacted);
  });
});
