import type { AlertsConfig } from './config/alerts-schema.ts';
import type { ParsedCamera, SourceKind } from './config/camera-schema.ts';

export type { SourceKind };

// A camera as the rest of Lookout sees it. `sourceUrl` carries credentials and must only
// ever reach ffmpeg; `publicSource` is the redacted form for logs, health and pages.
export type Camera = Omit<ParsedCamera, 'source' | 'username' | 'password'> & {
  kind: SourceKind;
  sourceUrl: string;
  publicSource: string;
  secrets: string[];
};

export type LookoutConfig = {
  cameras: Camera[];
  defaultCameraId: string;
  usingTestCamera: boolean;
  alerts: AlertsConfig;
};

export function getCamera(config: LookoutConfig, id: string): Camera | undefined {
  return config.cameras.find((camera) => camera.id === id);
}
