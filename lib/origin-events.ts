import type { HealthEventKind } from './health.ts';

// What a worker's origin journals for the site to pull (`/events?after=<cursor>`): the worker
// has no database, so everything the site must record travels as one of these.
export type OriginEvent =
  | { type: 'health'; cameraId: string; kind: HealthEventKind; detail: string; at: string }
  // preview.jpg fetches the origin answered, per camera, UTC hour (ISO) and portal.
  | { type: 'preview-fetches'; cameraId: string; hour: string; portal: string; fetches: number };

export type JournaledEvent = OriginEvent & { seq: number };
