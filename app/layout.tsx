import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Lookout', template: '%s · Lookout' },
  description: 'Live webcam',
  manifest: '/manifest.webmanifest',
};

export const viewport: Viewport = { themeColor: '#0a0a0a', width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-dvh bg-neutral-950 font-sans text-neutral-100 antialiased">{children}</body>
    </html>
  );
}
