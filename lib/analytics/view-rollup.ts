import { createEmptyBatch, type AnalyticsBatch, type PreviewFetchIncrement, type VisitorHashRow } from '../queries/analytics/analytics-rows.ts';
import { HOUR_MS } from '../time-zone.ts';

export type ViewDimensions = { cameraId: string; country: string; device: string; source: string };
type Counts = { views: number; watchSeconds: number };

// The in-memory rollup: increments keyed exactly like the hourly tables, drained by the flusher
// into one transaction. A failed flush is merged back, so nothing is lost but a crash's worth.
export class ViewRollup {
  private views = new Map<string, ViewDimensions & { hour: number } & Counts>();
  private fetches = new Map<string, PreviewFetchIncrement>();
  private visitors = new Map<string, { cameraId: string; day: number; visitors: number }>();
  private hashes: VisitorHashRow[] = [];

  addView(dims: ViewDimensions, at: number): void {
    this.cell(dims, at).views += 1;
  }

  // Watch seconds that ended at `endAt`, spread over the UTC hours they were watched in.
  addWatchSeconds(dims: ViewDimensions, seconds: number, endAt: number): void {
    let end = endAt;
    let remaining = Math.round(seconds);
    while (remaining > 0) {
      const hourStart = Math.floor((end - 1) / HOUR_MS) * HOUR_MS;
      const inThisHour = Math.min(remaining, Math.ceil((end - hourStart) / 1000));
      this.cell(dims, hourStart).watchSeconds += inThisHour;
      remaining -= inThisHour;
      end = hourStart;
    }
  }

  addPreviewFetches(row: PreviewFetchIncrement): void {
    const key = `${row.cameraId}|${row.hour.getTime()}|${row.portal}|${row.via}`;
    const cell = this.fetches.get(key) ?? { ...row, fetches: 0 };
    cell.fetches += row.fetches;
    this.fetches.set(key, cell);
  }

  addVisitor(cameraId: string, day: number, hash: string): void {
    const key = `${cameraId}|${day}`;
    const cell = this.visitors.get(key) ?? { cameraId, day, visitors: 0 };
    cell.visitors += 1;
    this.visitors.set(key, cell);
    this.hashes.push({ cameraId, day: new Date(day), hash });
  }

  // Takes everything counted so far, leaving the rollup empty.
  drain(): AnalyticsBatch {
    const batch = createEmptyBatch();
    const hours = new Map<string, { cameraId: string; hour: Date } & Counts>();
    for (const { hour, views, watchSeconds, ...dims } of this.views.values()) {
      batch.views.push({ ...dims, hour: new Date(hour), views, watchSeconds });
      const key = `${dims.cameraId}|${hour}`;
      const total = hours.get(key) ?? { cameraId: dims.cameraId, hour: new Date(hour), views: 0, watchSeconds: 0 };
      total.views += views;
      total.watchSeconds += watchSeconds;
      hours.set(key, total);
    }
    batch.viewHours = [...hours.values()];
    batch.previewFetches = [...this.fetches.values()];
    batch.visitors = [...this.visitors.values()].map(({ day, ...rest }) => ({ ...rest, day: new Date(day) }));
    batch.visitorHashes = this.hashes;
    this.views = new Map();
    this.fetches = new Map();
    this.visitors = new Map();
    this.hashes = [];
    return batch;
  }

  // Puts back a batch whose flush failed, on top of whatever arrived meanwhile.
  restore(batch: AnalyticsBatch): void {
    for (const { hour, views, watchSeconds, ...dims } of batch.views) {
      const cell = this.cell(dims, hour.getTime());
      cell.views += views;
      cell.watchSeconds += watchSeconds;
    }
    for (const row of batch.previewFetches) this.addPreviewFetches(row);
    for (const { cameraId, day, visitors } of batch.visitors) {
      const key = `${cameraId}|${day.getTime()}`;
      const cell = this.visitors.get(key) ?? { cameraId, day: day.getTime(), visitors: 0 };
      cell.visitors += visitors;
      this.visitors.set(key, cell);
    }
    this.hashes.push(...batch.visitorHashes);
  }

  private cell(dims: ViewDimensions, at: number): ViewDimensions & { hour: number } & Counts {
    const hour = Math.floor(at / HOUR_MS) * HOUR_MS;
    const key = `${dims.cameraId}|${hour}|${dims.country}|${dims.device}|${dims.source}`;
    let cell = this.views.get(key);
    if (!cell) {
      cell = { cameraId: dims.cameraId, country: dims.country, device: dims.device, source: dims.source, hour, views: 0, watchSeconds: 0 };
      this.views.set(key, cell);
    }
    return cell;
  }
}
