import { describe, expect, it } from 'vitest';
import { redactText, redactUrl } from './redact.ts';

describe('redaction', () => {
  it('hides user info in URLs', () => {
    expect(redactUrl('rtsp://admin:pw@10.0.0.2:554/s')).toBe('rtsp://***@10.0.0.2:554/s');
    expect(redactUrl('rtsp://10.0.0.2/s')).toBe('rtsp://10.0.0.2/s');
  });

  it('hides URLs inside free text and every known secret', () => {
    const line = "[rtsp @ 0x1] method DESCRIBE failed for 'rtsps://u:hunter22@cam/x': 401; pw=hunter22";
    const out = redactText(line, ['hunter22']);
    expect(out).not.toContain('hunter22');
    expect(out).toContain('rtsps://***@cam/x');
  });
});
