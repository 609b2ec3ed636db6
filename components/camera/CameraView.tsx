import { CameraPlayer } from '@/components/player/CameraPlayer';
import type { PublicCamera } from '@/lib/site-server/public-camera';
import { CameraClock } from './CameraClock';
import { CameraFacts } from './CameraFacts';
import { EmbedBox } from './EmbedBox';

export function CameraView({ camera, origin }: { camera: PublicCamera; origin: string }) {
  return (
    <main className="mx-auto flex w-full max-w-[min(100%,calc((100dvh_-_8rem)*16/9))] flex-col gap-4 px-3 py-4 sm:px-6 sm:py-6 2xl:max-w-[min(100%,calc((100dvh_-_11rem)*16/9))]">
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl 2xl:text-5xl">{camera.name}</h1>
        <CameraClock timezone={camera.timezone} />
      </header>
      <CameraPlayer camera={camera} />
      <section className="grid gap-6 md:grid-cols-[1fr_minmax(0,24rem)]">
        <div className="flex flex-col gap-4">
          {camera.description ? <p className="max-w-prose text-neutral-300 2xl:text-xl">{camera.description}</p> : null}
          <CameraFacts camera={camera} />
        </div>
        <EmbedBox code={`<iframe src="${origin}/embed/${camera.id}" title="${camera.name}" width="1280" height="720" style="border:0;width:100%;height:auto;aspect-ratio:16/9" allow="autoplay; fullscreen" allowfullscreen></iframe>`} previewUrl={`${origin}${camera.previewUrl}`} />
      </section>
    </main>
  );
}
