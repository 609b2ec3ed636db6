import type { Metadata } from 'next';
import type { PublicCamera } from './public-camera.ts';
import { getRequestOrigin } from './request-origin.ts';

// Title, description and a share card whose picture is the camera's current view.
export async function buildCameraMetadata(camera: PublicCamera): Promise<Metadata> {
  const origin = await getRequestOrigin();
  const description = camera.description || `Live webcam: ${camera.name}`;
  const image = { url: `${origin}${camera.previewUrl}`, width: 1280, height: 720, alt: `Current view from ${camera.name}` };
  return {
    metadataBase: new URL(origin),
    title: `${camera.name} — live`,
    description,
    alternates: { canonical: `/cameras/${camera.id}` },
    openGraph: { type: 'website', title: `${camera.name} — live webcam`, description, images: [image] },
    twitter: { card: 'summary_large_image', title: `${camera.name} — live webcam`, description, images: [image.url] },
  };
}
