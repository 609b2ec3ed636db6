import { notFound } from 'next/navigation';
import { requireOwner } from '@/lib/auth/require-owner';
import { hasOwnerPassword } from '@/lib/queries/owner';
import { listPublicCameras } from '@/lib/site-cameras';
import { DashboardShell } from './DashboardShell';
import { SetPasswordNotice } from './SetPasswordNotice';

// The guard runs here, in the page itself, for every /dashboard/** page (not only in proxy.ts).
export async function DashboardPage({ cameraId, range }: { cameraId: string | null; range?: string }) {
  if (!(await hasOwnerPassword())) return <SetPasswordNotice />;
  await requireOwner();
  const cameras = listPublicCameras();
  if (cameraId !== null && !cameras.some((c) => c.id === cameraId)) notFound();
  return (
    <DashboardShell cameras={cameras} current={cameraId}>
      <p data-testid="dashboard">{range}</p>
    </DashboardShell>
  );
}
