import { describe, expect, it } from 'vitest';
import type { AnalyticsBatch } from '../queries/analytics/analytics-rows.ts';
import { splitAnalyticsBatch, sumViewHours } from './split-analytics-batch.ts';
import { ViewRollup } from './view-rollup.ts';

const t0 = new Date('2026-11-30T23:30:00Z').getTime(); // the flood crosses an hour and a day
const countries = ['CH', 'DE', 'US', 'FR', 'JP', 'BR', 'IN'];

function floodBatch(viewers: number): AnalyticsBatch {
  const rollup = new ViewRollup();
  for (let i = 0; i < viewers; i++) {
    const dims = { cameraId: i % 3 ? 'roof' : 'harbour', country: countries[i % countries.length]!, device: i % 2 ? 'mobile' : 'desktop', source: `site${i % 11}.example` };
    const at = t0 + i * 4000;
    rollup.addView(dims, at);
    rollup.addWatchSeconds(dims, 45, at);
    rollup.addVisitor(dims.cameraId, Math.floor(at / 86_400_000) * 86_400_000, `hash${i}`);
    if (i % 5 === 0) rollup.addPreviewFetches({ cameraId: dims.cameraId, hour: new Date(Math.floor(at / 3_600_000) * 3_600_000), portal: `p${i % 13}`, via: 'edge', fetches: 2 });
  }
  return rollup.drain();
}

const total = (rows: { [key: string]: unknown }[], field: string) => rows.reduce((sum, row) => sum + (row[field] as number), 0);
const sumAll = (parts: AnalyticsBatch[], table: keyof AnalyticsBatch, field: string) => parts.reduce((sum, part) => sum + total(part[table], field), 0);

describe('splitAnalyticsBatch', () => {
  const batch = floodBatch(1500);
  const parts = splitAnalyticsBatch(batch, { upsertRows: 10, hashRows: 100 });

  it('keeps every increment and every visitor hash, once', () => {
    for (const [table, field] of [['views', 'views'], ['views', 'watchSeconds'], ['viewHours', 'views'], ['viewHours', 'watchSeconds'], ['visitors', 'visitors'], ['previewFetches', 'fetches']] as const) {
      expect(sumAll(parts, table, field), `${table}.${field}`).toBe(total(batch[table], field));
    }
    expect(parts.flatMap((part) => part.visitorHashes.map((row) => row.hash)).sort()).toEqual(batch.visitorHashes.map((row) => row.hash).sort());
  });

  it('keeps each part within its limits, each part consistent on its own', () => {
    expect(batch.views.length).toBeGreaterThan(150);
    expect(parts.length).toBe(Math.ceil(batch.views.length / 10));
    for (const part of parts) {
      for (const rows of [part.views, part.previewFetches]) expect(rows.length).toBeLessThanOrEqual(10);
      expect(part.visitorHashes.length).toBeLessThanOrEqual(100);
      expect(part.viewHours).toEqual(sumViewHours(part.views));
      expect(total(part.visitors, 'visitors')).toBe(part.visitorHashes.length);
    }
  });

  it('leaves a small flush whole', () => {
    const small = floodBatch(8);
    expect(small.views.length).toBeLessThanOrEqual(10);
    expect(splitAnalyticsBatch(small, { upsertRows: 10, hashRows: 100 })).toEqual([small]);
  });

  it('carries increments without rows of their own in the first part', () => {
    const hour = new Date(t0);
    const odd: AnalyticsBatch = { views: [], viewHours: [{ cameraId: 'roof', hour, views: 2, watchSeconds: 9 }], visitors: [{ cameraId: 'roof', day: hour, visitors: 3 }], visitorHashes: [], previewFetches: [] };
    expect(splitAnalyticsBatch(odd, { upsertRows: 10, hashRows: 100 })).toEqual([odd]);
  });
});
