import Link from 'next/link';
import type { ReactNode } from 'react';
import type { PublicCamera } from '@/lib/site-server/public-camera';

const focus = 'focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 focus-visible:ring-offset-2 focus-visible:ring-offset-neutral-950';

// Header with the camera switcher and the logout button (a form: it works without JavaScript).
export function DashboardShell({ cameras, current, children }: { cameras: PublicCamera[]; current: string | null; children: ReactNode }) {
  const tabs = [{ href: '/dashboard', label: 'All cameras', id: null as string | null }, ...cameras.map((c) => ({ href: `/dashboard/cameras/${c.id}`, label: c.name, id: c.id }))];
  return (
    <div className="mx-auto max-w-7xl px-3 pb-16 sm:px-6">
      <header className="flex flex-wrap items-center gap-3 border-b border-neutral-800 py-4">
        <h1 className="mr-auto text-xl font-semibold">Lookout dashboard</h1>
        <form method="post" action="/api/auth/logout">
          <button type="submit" className={`rounded-md border border-neutral-700 px-3 py-1.5 text-sm hover:bg-neutral-800 ${focus}`}>
            Log out
          </button>
        </form>
        <nav aria-label="Cameras" className="w-full overflow-x-auto">
          <ul className="flex gap-2">
            {tabs.map((tab) => (
              <li key={tab.href}>
                <Link
                  href={tab.href}
                  aria-current={tab.id === current ? 'page' : undefined}
                  className={`block whitespace-nowrap rounded-md px-3 py-1.5 text-sm ${tab.id === current ? 'bg-neutral-100 text-neutral-900' : 'bg-neutral-900 text-neutral-200 hover:bg-neutral-800'} ${focus}`}
                >
                  {tab.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {children}
    </div>
  );
}

export { focus as focusRing };
