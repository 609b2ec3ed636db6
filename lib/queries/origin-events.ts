import { getDb } from '../db.ts';
import type { JournaledEvent } from '../origin-events.ts';
import { writePreviewFetches } from './analytics/write-preview-fetches.ts';

export async function getOriginCursor(origin: string): Promise<string | null> {
  return (await getDb().originCursor.findUnique({ where: { origin } }))?.cursor ?? null;
}

// Records one page of a worker's journal and moves the cursor in the same transaction, so a
// page is applied exactly once. `from` is the cursor the page was asked for: when another
// puller has moved it meanwhile, nothing is written and false is returned.
export async function applyOriginEvents(origin: string, from: string | null, next: string, events: JournaledEvent[]): Promise<boolean> {
  return getDb().$transaction(async (tx) => {
    const current = (await tx.originCursor.findUnique({ where: { origin } }))?.cursor ?? null;
    if (current !== from) return false;
    const health = events.flatMap((e) => (e.type === 'health' ? [{ cameraId: e.cameraId, kind: e.kind, detail: e.detail, at: new Date(e.at) }] : []));
    if (health.length) await tx.healthEvent.createMany({ data: health });
    const fetches = events.flatMap((e) => (e.type === 'preview-fetches' ? [{ cameraId: e.cameraId, hour: new Date(e.hour), portal: e.portal, via: 'origin', fetches: e.fetches }] : []));
    await writePreviewFetches(tx, fetches); // with their daily rollups
    await tx.originCursor.upsert({ where: { origin }, create: { origin, cursor: next }, update: { cursor: next } });
    return true;
  });
}
