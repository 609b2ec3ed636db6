import Link from 'next/link';
import { connection } from 'next/server';

export default async function NotFound() {
  await connection(); // rendered per request so it carries the CSP nonce like every page
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-semibold uppercase tracking-wide text-neutral-500">404</p>
      <h1 className="text-3xl font-semibold">No camera here</h1>
      <p className="text-neutral-400">This camera does not exist, or it was renamed.</p>
      <Link href="/" className="rounded-md bg-sky-600 px-4 py-2 font-medium text-white hover:bg-sky-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-400">
        See the live cameras
      </Link>
    </main>
  );
}
