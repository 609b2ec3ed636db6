import type { Metadata } from 'next';
import { CameraPlayer } from '@/components/player/CameraPlayer';
import { buildCameraMetadata } from '@/lib/site-server/camera-metadata';
import { getCameraOrThrow } from '@/lib/site-server/site-cameras';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...(await buildCameraMetadata(getCameraOrThrow((await params).id))), robots: { index: false } };
}

// Made to be framed by other sites: only the player, filling the frame.
export default async function EmbedPage({ params }: Props) {
  const camera = getCameraOrThrow((await params).id);
  return (
    <main className="flex h-dvh w-full items-center justify-center bg-black">
      <CameraPlayer camera={camera} compact mode="embed" />
    </main>
  );
}
