import { z } from 'zod';

export const FAULT_MODES = ['none', 'lost-bytes', 'disconnect', 'stall', 'refuse', 'slow-start', 'wrong-password', 'jitter'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];
export type ServerName = 'rtsp' | 'tcp';

export const faultOptionsSchema = z.strictObject({
  meanIntervalMs: z.number().positive().optional(), // lost-bytes: mean time between drops
  durationMs: z.number().positive().optional(), // disconnect: back to `none` after this long
  delayMs: z.number().nonnegative().optional(), // slow-start: silence before the first bytes
  holdMs: z.number().positive().max(10_000).optional(), // jitter: longest hold before a burst
  server: z.enum(['rtsp', 'tcp', 'all']).optional(), // which server; both by default
});
export type FaultOptions = z.infer<typeof faultOptionsSchema>;

export const faultRequestSchema = faultOptionsSchema.extend({ mode: z.enum(FAULT_MODES) });

export type Fault = {
  mode: FaultMode;
  meanIntervalMs: number;
  durationMs: number | null;
  delayMs: number;
  holdMs: number;
  since: number;
};

export const NO_FAULT: Fault = { mode: 'none', meanIntervalMs: 3000, durationMs: null, delayMs: 5000, holdMs: 300, since: 0 };

export function resolveFault(mode: FaultMode, options: FaultOptions = {}, now = Date.now()): Fault {
  return {
    mode,
    meanIntervalMs: options.meanIntervalMs ?? NO_FAULT.meanIntervalMs,
    durationMs: options.durationMs ?? null,
    delayMs: options.delayMs ?? NO_FAULT.delayMs,
    holdMs: options.holdMs ?? NO_FAULT.holdMs,
    since: now,
  };
}

export function selectServers(options: FaultOptions): ServerName[] {
  return options.server && options.server !== 'all' ? [options.server] : ['rtsp', 'tcp'];
}
