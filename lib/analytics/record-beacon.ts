import { addWatchSeconds, countView } from './analytics-metrics.ts';
import type { Beacon } from './beacon-schema.ts';
import { MAX_BEACON_SECONDS } from './beacon-schema.ts';
import type { PageViewTable } from './page-views.ts';
import type { ViewDimensions, ViewRollup } from './view-rollup.ts';
import type { VisitorCounter } from './visitor-counter.ts';
import { forgetViewer, touchViewer } from './viewers-now.ts';

export type BeaconContext = { dims: ViewDimensions; address: string; userAgent: string; at: number };
type Tables = { rollup: ViewRollup; pageViews: PageViewTable; visitors: VisitorCounter };

// One beacon into memory. A view counts at its first `start`; a heartbeat or end for an id this
// process has not heard of (the site restarted) adds its seconds but never a second view.
export function recordBeacon(beacon: Beacon, context: BeaconContext, tables: Tables): void {
  const { rollup, pageViews, visitors } = tables;
  const { view, isNew } = pageViews.open(beacon.view, context.dims, context.at);
  const seconds = pageViews.claimSeconds(view, Math.min(beacon.seconds, MAX_BEACON_SECONDS), context.at, isNew);
  if (beacon.kind === 'start' && isNew) {
    rollup.addView(view.dims, context.at);
    countView(view.dims.cameraId);
    visitors.queue(view.dims.cameraId, context.at, context.address, context.userAgent);
  }
  if (seconds > 0) {
    rollup.addWatchSeconds(view.dims, seconds, context.at);
    addWatchSeconds(view.dims.cameraId, seconds);
  }
  if (beacon.kind === 'end') {
    pageViews.close(beacon.view);
    forgetViewer(beacon.view);
  } else {
    touchViewer(beacon.view, view.dims.cameraId, context.at);
  }
}
