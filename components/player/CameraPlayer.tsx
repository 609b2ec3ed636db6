import type { PublicCamera } from '@/lib/site-server/public-camera';
import { HLS_SCRIPT_SRC } from './hls-script-src';
import { LivePlayer } from './LivePlayer';
import { HlsBootstrap } from './HlsBootstrap';

// The player as pages use it: hls.js and the early start in <head>, then the player itself.
export function CameraPlayer({ camera, compact = false, mode = 'page' }: { camera: PublicCamera; compact?: boolean; mode?: 'page' | 'embed' }) {
  return (
    <>
      <HlsBootstrap />
      <LivePlayer src={camera.playlistUrl} hlsScript={HLS_SCRIPT_SRC} poster={`${camera.previewUrl}?w=1280`} title={camera.name} timezone={camera.timezone} compact={compact} beacons={{ cameraId: camera.id, mode }} />
    </>
  );
}
