import type { Metadata } from 'next';
import { connection } from 'next/server';
import { DashboardPage } from '@/components/dashboard/DashboardPage';

export const metadata: Metadata = { title: 'Dashboard', robots: { index: false, follow: false } };

export default async function Page({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ range?: string }> }) {
  await connection();
  return <DashboardPage cameraId={(await params).id} range={(await searchParams).range} />;
}
