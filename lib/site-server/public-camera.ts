import type { Camera } from '../cameras.ts';

// What pages may know about a camera: never its source or credentials.
export type PublicCamera = {
  id: string;
  name: string;
  description: string;
  timezone: string;
  location: { lat: number; lon: number } | null;
  playlistUrl: string;
  previewUrl: string;
};

export function toPublicCamera(camera: Camera): PublicCamera {
  return {
    id: camera.id,
    name: camera.name,
    description: camera.description,
    timezone: camera.timezone,
    location: camera.location ?? null,
    playlistUrl: `/hls/${camera.id}/index.m3u8`,
    previewUrl: `/cameras/${camera.id}/preview.jpg`,
  };
}
