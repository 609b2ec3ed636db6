import { LivePlayer } from '@/components/player/LivePlayer';
import type { PublicCamera } from '@/lib/public-camera';

export function CameraView({ camera }: { camera: PublicCamera }) {
  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-4 px-3 py-4 sm:px-6 sm:py-8">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{camera.name}</h1>
        <span className="text-sm text-neutral-400">Live · {camera.timezone}</span>
      </header>
      <LivePlayer src={camera.playlistUrl} title={camera.name} />
      {camera.description ? <p className="max-w-prose text-neutral-300">{camera.description}</p> : null}
    </main>
  );
}
