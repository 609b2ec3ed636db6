import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CameraGrid } from '@/components/camera/CameraGrid';
import { CameraView } from '@/components/camera/CameraView';
import { buildCameraMetadata } from '@/lib/site-server/camera-metadata';
import { getRequestOrigin } from '@/lib/site-server/request-origin';
import { getDefaultCamera, listPublicCameras } from '@/lib/site-server/site-cameras';
import { getWorkerHealth } from '@/lib/site-server/worker-health';

export async function generateMetadata(): Promise<Metadata> {
  await connection(); // the cameras file is read at request time, not baked into the build
  return buildCameraMetadata(getDefaultCamera());
}

export default async function HomePage() {
  await connection();
  const cameras = listPublicCameras();
  if (cameras.length === 1) return <CameraView camera={getDefaultCamera()} origin={await getRequestOrigin()} />;
  const health = await getWorkerHealth();
  return <CameraGrid cameras={cameras.map((c) => ({ ...c, live: health.cameras.some((h) => h.id === c.id && h.state === 'live') }))} />;
}
