import { getDb } from '../db.ts';
import type { HealthEventKind } from '../health.ts';

export async function recordHealthEvent(event: { cameraId: string; kind: HealthEventKind; detail: string; at?: Date }): Promise<void> {
  await getDb().healthEvent.create({ data: { cameraId: event.cameraId, kind: event.kind, detail: event.detail, at: event.at ?? new Date() } });
}

export async function getRecentHealthEvents(cameraId: string, take = 50) {
  return getDb().healthEvent.findMany({ where: { cameraId }, orderBy: { at: 'desc' }, take });
}

export async function recordHealthEvents(events: { cameraId: string; kind: HealthEventKind; detail: string; at: Date }[]): Promise<void> {
  for (let i = 0; i < events.length; i += 5000) await getDb().healthEvent.createMany({ data: events.slice(i, i + 5000) });
}
