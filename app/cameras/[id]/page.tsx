import type { Metadata } from 'next';
import { CameraView } from '@/components/camera/CameraView';
import { buildCameraMetadata } from '@/lib/site-server/camera-metadata';
import { getRequestOrigin } from '@/lib/site-server/request-origin';
import { getCameraOrThrow } from '@/lib/site-server/site-cameras';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return buildCameraMetadata(getCameraOrThrow((await params).id));
}

export default async function CameraPage({ params }: Props) {
  return <CameraView camera={getCameraOrThrow((await params).id)} origin={await getRequestOrigin()} />;
}
