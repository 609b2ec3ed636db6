import { notFound } from 'next/navigation';
import { requireOwner } from '@/lib/auth/require-owner';
import { parseChartRange } from '@/lib/dashboard/periods';
import { hasOwnerPassword } from '@/lib/queries/owner';
import { getDefaultCamera, listPublicCameras } from '@/lib/site-server/site-cameras';
import { DevicesSection, WhereSection } from './AudienceSections';
import { DashboardShell } from './DashboardShell';
import { ExportSection } from './ExportSection';
import { HealthSection } from './HealthSection';
import { loadDashboard } from './load-dashboard';
import { NowSection } from './NowSection';
import { SetPasswordNotice } from './SetPasswordNotice';
import { SourcesSection } from './SourcesSection';
import { WhenSection } from './WhenSection';

// The guard runs here, in the page itself, for every /dashboard/** page (not only in proxy.ts).
export async function DashboardPage({ cameraId, range }: { cameraId: string | null; range?: string }) {
  if (!(await hasOwnerPassword())) return <SetPasswordNotice />;
  await requireOwner();
  const cameras = listPublicCameras();
  const camera = cameraId === null ? getDefaultCamera() : cameras.find((c) => c.id === cameraId);
  if (!camera) notFound();
  const data = await loadDashboard({ cameraId, cameras, zoneCamera: camera, rangeKey: parseChartRange(range) });
  const nothingYet = data.summaries.every((s) => s.current.views === 0 && s.previous.views === 0) && data.countries.length === 0;
  const basePath = cameraId === null ? '/dashboard' : `/dashboard/cameras/${cameraId}`;
  return (
    <DashboardShell cameras={cameras} current={cameraId}>
      <div data-testid="dashboard">
        <p className="mt-4 text-sm text-neutral-400" data-testid="time-zone">
          {cameraId === null ? 'All cameras' : camera.name} · times in <strong className="text-neutral-200">{data.timeZone}</strong>
        </p>
        {nothingYet && (
          <p className="mt-4 rounded-lg border border-sky-800 bg-sky-950/40 p-4 text-sky-100" data-testid="no-views-yet">
            No views yet — that is normal on a fresh install. Share the camera page, and the figures below fill in within a few minutes of the first visit.
          </p>
        )}
        <NowSection cameraId={cameraId} viewersNow={data.viewersNow} periods={data.summaries} cameras={data.states} />
        <WhenSection basePath={basePath} range={data.range} hours={data.hours} days={data.days} heatmap={data.heatmap} bands={data.bands} timeZone={data.timeZone} hasLocation={camera.location !== null} />
        <WhereSection countries={data.countries} rangeLabel={data.rangeLabel} />
        <DevicesSection devices={data.devices} rangeLabel={data.rangeLabel} />
        <SourcesSection sources={data.sources} totals={data.portalTotals} portals={data.portals} dates={data.portalDates} rangeLabel={data.rangeLabel} />
        <HealthSection cameras={data.health} from={data.range.from.getTime()} to={data.range.to.getTime()} rangeLabel={data.rangeLabel} />
        <ExportSection cameraId={cameraId} from={data.exportDefaults.from} to={data.exportDefaults.to} timeZone={data.timeZone} />
      </div>
    </DashboardShell>
  );
}
