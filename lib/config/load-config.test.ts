import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './load-config.ts';

const roof = { id: 'roof', name: 'Roof', source: 'rtsp://admin:s3cret!@192.168.1.20:554/stream1', timezone: 'Europe/Zurich' };

function problems(raw: unknown): string {
  try {
    parseConfig(raw, 'lookout.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('falls back to the built-in test camera with no file or no cameras', () => {
    for (const raw of [undefined, {}, { cameras: [] }]) {
      const config = parseConfig(raw);
      expect(config.usingTestCamera).toBe(true);
      expect(config.cameras).toHaveLength(1);
      expect(config.cameras[0]).toMatchObject({ id: 'test', kind: 'test', sourceUrl: 'test:', segmentSeconds: 2 });
    }
  });

  it('parses a camera with defaults and keeps the password out of public fields', () => {
    const config = parseConfig({ cameras: [roof] });
    const camera = config.cameras[0]!;
    expect(config.defaultCameraId).toBe('roof');
    expect(camera).toMatchObject({ kind: 'rtsp', timezone: 'Europe/Zurich', integrity: 'full', segmentSeconds: 2, snapshot: { intervalSeconds: 10, width: 1280 } });
    expect(camera.publicSource).toBe('rtsp://***@192.168.1.20:554/stream1');
    expect(camera.secrets).toContain('s3cret!');
    expect(JSON.stringify({ ...camera, sourceUrl: undefined, secrets: undefined })).not.toContain('s3cret');
  });

  it('puts separate credential fields into the URL, encoded', () => {
    const camera = parseConfig({ cameras: [{ id: 'pi', name: 'Pi', source: 'rtsp://cam.local/live', username: 'u@x', password: 'p:w/d' }] }).cameras[0]!;
    expect(camera.sourceUrl).toBe('rtsp://u%40x:p%3Aw%2Fd@cam.local/live');
    expect(camera.secrets).toEqual(expect.arrayContaining(['p:w/d', 'p%3Aw%2Fd']));
    expect(camera.publicSource).toBe('rtsp://***@cam.local/live');
  });

  it('knows every source kind', () => {
    const kinds = ['rtsps://h/x', 'tcp://127.0.0.1:5000', 'file:///srv/demo.ts', 'test:'].map(
      (source, i) => parseConfig({ cameras: [{ id: `c${i}`, name: 'C', source }] }).cameras[0]!.kind,
    );
    expect(kinds).toEqual(['rtsp', 'tcp', 'file', 'test']);
  });

  it('names the camera and the field in every problem, all at once', () => {
    const message = problems({
      cameras: [roof, { id: 'Bad Id', name: '', source: 'http://x', timezone: 'Mars/Base', segmentSeconds: 0 }, { ...roof }, { id: 'pi', name: 'Pi', source: 'tcp://pi.local' }],
    });
    expect(message).toContain('cameras[1] ("Bad Id").id: must be a slug');
    expect(message).toContain('cameras[1] ("Bad Id").name');
    expect(message).toContain('cameras[1] ("Bad Id").source: protocol "http:" is not supported');
    expect(message).toContain('cameras[1] ("Bad Id").timezone: is not an IANA time zone');
    expect(message).toContain('cameras[1] ("Bad Id").segmentSeconds');
    expect(message).toContain('cameras[2] ("roof").id: "roof" is used twice');
    expect(message).toContain('cameras[3] ("pi").source: tcp sources need a host and a port');
    expect(message).toMatch(/has 7 problem\(s\)/);
  });

  it('rejects unknown keys and a default camera that does not exist', () => {
    const message = problems({ defaultCamera: 'nope', cameras: [{ ...roof, pasword: 'typo' }] });
    expect(message).toContain('defaultCamera: "nope" is not one of the cameras');
    expect(message).toMatch(/cameras\[0\] \("roof"\).*pasword/);
  });
});

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-config-'));

  it('uses the test camera when the file does not exist', () => {
    expect(loadConfig(join(dir, 'missing.json')).usingTestCamera).toBe(true);
  });

  it('reports invalid JSON with the file name', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "cameras": [ ');
    expect(() => loadConfig(file)).toThrow(/broken\.json is not valid JSON/);
  });

  it('reads a valid file', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, JSON.stringify({ cameras: [roof] }));
    expect(loadConfig(file).cameras.map((c) => c.id)).toEqual(['roof']);
  });
});
