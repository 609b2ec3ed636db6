import { z } from 'zod';

export const MAX_BEACON_BYTES = 2048;
export const MAX_BEACON_SECONDS = 60;

// Everything a beacon may carry, and nothing more: camera, a random page-view id made in the
// page, the event, seconds watched since the previous beacon, page or embed, the referrer's host.
export const beaconSchema = z
  .object({
    camera: z.string().regex(/^[a-z0-9-]{1,40}$/),
    view: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
    kind: z.enum(['start', 'heartbeat', 'end']),
    seconds: z.number().min(0).max(3600),
    mode: z.enum(['page', 'embed']),
    referrer: z.string().max(253).default(''),
  })
  .strict();

export type Beacon = z.infer<typeof beaconSchema>;
