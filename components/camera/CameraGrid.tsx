import Link from 'next/link';
import type { PublicCamera } from '@/lib/site-server/public-camera';

type Card = PublicCamera & { live: boolean };

// The home page when several cameras are configured.
export function CameraGrid({ cameras }: { cameras: Card[] }) {
  return (
    <main className="mx-auto w-full max-w-7xl px-3 py-6 sm:px-6">
      <h1 className="mb-6 text-2xl font-semibold tracking-tight sm:text-3xl">Live cameras</h1>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {cameras.map((camera) => (
          <li key={camera.id}>
            <Link href={`/cameras/${camera.id}`} className="group block overflow-hidden rounded-xl bg-neutral-900 ring-1 ring-white/10 focus-visible:outline-2 focus-visible:outline-sky-400">
              <div className="relative aspect-video bg-black">
                {/* The origin serves the 640 px snapshot: no image optimiser needed. */}
                <img src={`${camera.previewUrl}?w=640`} alt={`Current view from ${camera.name}`} width={640} height={360} className="h-full w-full object-cover" loading="lazy" />
                <span className={`absolute left-2 top-2 rounded px-2 py-0.5 text-xs font-semibold uppercase ${camera.live ? 'bg-red-600 text-white' : 'bg-neutral-700 text-neutral-200'}`}>{camera.live ? 'Live' : 'Offline'}</span>
              </div>
              <p className="p-3 font-medium group-hover:underline">{camera.name}</p>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
