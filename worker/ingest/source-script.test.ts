import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/config/load-config.ts';
import { buildSourceScript, hasCredentials } from './source-script.ts';

const camera = (source: string, extra: Record<string, unknown> = {}) => parseConfig({ cameras: [{ id: 'cam', name: 'Cam', source, ...extra }] }).cameras[0]!;

describe('buildSourceScript', () => {
  it('puts the URL and its RTSP options in a one-entry ffconcat script', () => {
    expect(buildSourceScript(camera('rtsp://admin:pw@10.0.0.2:554/stream1', { timeoutSeconds: 5 }))).toBe(
      "ffconcat version 1.0\nfile 'rtsp://admin:pw@10.0.0.2:554/stream1'\noption rtsp_transport tcp\noption timeout 5000000\n",
    );
  });

  it('takes credentials from the separate fields, percent-encoded as in the URL', () => {
    expect(buildSourceScript(camera('rtsps://cam.local/live', { username: 'viewer', password: 'p@ss word' }))).toBe(
      "ffconcat version 1.0\nfile 'rtsps://viewer:p%40ss%20word@cam.local/live'\noption rtsp_transport tcp\noption timeout 10000000\n",
    );
  });

  it("escapes a quote, which URLs leave as it is, the way ffconcat reads it: '\\''", () => {
    expect(buildSourceScript(camera('rtsp://admin:it\'s@10.0.0.2/s'))).toContain("file 'rtsp://admin:it'\\''s@10.0.0.2/s'\n");
  });

  it('is not needed when the command line carries no secret', () => {
    expect(buildSourceScript(camera('rtsp://10.0.0.2/s'))).toBeUndefined();
    expect(buildSourceScript(camera('tcp://10.0.0.3:5000'))).toBeUndefined();
    expect(buildSourceScript(camera('file:///srv/demo.ts'))).toBeUndefined();
    expect(buildSourceScript(camera('test:'))).toBeUndefined();
  });
});

describe('hasCredentials', () => {
  it('sees a user name alone as a credential', () => {
    expect(hasCredentials('rtsp://u@h/s')).toBe(true);
    expect(hasCredentials('rtsp://:p@h/s')).toBe(true);
    expect(hasCredentials('rtsp://h/s')).toBe(false);
  });
});
