import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CameraView } from '@/components/camera/CameraView';
import { getDefaultCamera } from '@/lib/site-cameras';

export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const camera = getDefaultCamera();
  return { title: `${camera.name} — live`, description: camera.description || `Live view from ${camera.name}` };
}

export default async function HomePage() {
  await connection(); // the cameras file is read at request time, not baked into the build
  return <CameraView camera={getDefaultCamera()} />;
}
