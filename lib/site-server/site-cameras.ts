import { notFound } from 'next/navigation';
import { getConfig } from '../config/index.ts';
import { toPublicCamera, type PublicCamera } from './public-camera.ts';

export function getDefaultCamera(): PublicCamera {
  const config = getConfig();
  const camera = config.cameras.find((c) => c.id === config.defaultCameraId) ?? config.cameras[0]!;
  return toPublicCamera(camera);
}

export function listPublicCameras(): PublicCamera[] {
  return getConfig().cameras.map(toPublicCamera);
}

// An unknown id becomes the 404 page.
export function getCameraOrThrow(id: string): PublicCamera {
  const camera = getConfig().cameras.find((c) => c.id === id);
  if (!camera) notFound();
  return toPublicCamera(camera);
}
