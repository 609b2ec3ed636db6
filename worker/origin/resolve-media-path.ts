import { join } from 'node:path';

export type MediaFile = { cameraId: string; file: string; path: string; kind: 'playlist' | 'segment' };

const CAMERA = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const FILE = /^[A-Za-z0-9_-]{1,100}\.(m3u8|ts)$/;

// Maps `/hls/<camera>/<file>` to a file inside that camera's directory, or null.
// Strict allow-list rather than path normalisation: no dots but the extension, no
// encoded characters, no temp files, only known cameras.
export function resolveMediaPath(hlsRoot: string, knownCameras: ReadonlySet<string>, urlPath: string): MediaFile | null {
  if (urlPath.includes('%') || urlPath.includes('\\')) return null;
  const parts = urlPath.split('/');
  if (parts.length !== 4 || parts[0] !== '' || parts[1] !== 'hls') return null;
  const [, , cameraId = '', file = ''] = parts;
  if (!CAMERA.test(cameraId) || !knownCameras.has(cameraId)) return null;
  const match = FILE.exec(file);
  if (!match) return null;
  return { cameraId, file, path: join(hlsRoot, cameraId, file), kind: match[1] === 'm3u8' ? 'playlist' : 'segment' };
}
