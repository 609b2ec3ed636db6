import { existsSync, readFileSync } from 'node:fs';
import type { Camera, LookoutConfig } from '../cameras.ts';
import { redactUrl } from '../redact.ts';
import { configFileSchema, cameraSchema, type ParsedCamera } from './camera-schema.ts';
import { describePath, formatIssues } from './format-issues.ts';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const TEST_CAMERA_ID = 'test';

export function loadConfig(path: string): LookoutConfig {
  if (!existsSync(path)) return parseConfig(undefined, path);
  const text = readFileSync(path, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseConfig(raw, path);
}

// `raw` undefined means "no file": the built-in test camera is used.
export function parseConfig(raw: unknown, label = 'config'): LookoutConfig {
  const result = configFileSchema.safeParse(raw ?? {});
  if (!result.success) {
    const describe = (path: PropertyKey[]) => describeCameraPath(raw, path);
    throw new ConfigError(`${label} has ${result.error.issues.length} problem(s):\n${formatIssues(result.error.issues, describe)}`);
  }
  const { cameras, defaultCamera, alerts } = result.data;
  if (cameras.length === 0) {
    const test = toCamera(cameraSchema.parse({ id: TEST_CAMERA_ID, name: 'Test camera', source: 'test:', description: 'Built-in test pattern with a running clock. Add your camera to lookout.config.json.' }));
    return { cameras: [test], defaultCameraId: test.id, usingTestCamera: true, alerts };
  }
  return { cameras: cameras.map(toCamera), defaultCameraId: defaultCamera ?? cameras[0]!.id, usingTestCamera: false, alerts };
}

function toCamera(parsed: ParsedCamera): Camera {
  const { source, username, password, ...rest } = parsed;
  const url = new URL(source);
  if (username !== undefined) url.username = encodeURIComponent(username);
  if (password !== undefined) url.password = encodeURIComponent(password);
  const kind = url.protocol === 'rtsps:' ? 'rtsp' : (url.protocol.slice(0, -1) as Camera['kind']);
  const secrets = [password, url.password, url.password && decodeURIComponent(url.password)].filter((s): s is string => !!s);
  const sourceUrl = kind === 'test' ? 'test:' : url.toString();
  return { ...rest, kind, sourceUrl, publicSource: redactUrl(sourceUrl), secrets: [...new Set(secrets)] };
}

// Names the camera in error paths: `cameras[1] ("roof").source`.
function describeCameraPath(raw: unknown, path: PropertyKey[]): string {
  const base = describePath(path);
  if (path[0] !== 'cameras' || typeof path[1] !== 'number') return base;
  const entry = (raw as { cameras?: unknown[] })?.cameras?.[path[1]] as { id?: unknown } | undefined;
  const id = typeof entry?.id === 'string' ? ` ("${entry.id}")` : '';
  return `cameras[${path[1]}]${id}${describePath(path.slice(2)).replace(/^\(root\)$/, '').replace(/^(?=[^[.])/, '.')}`;
}
