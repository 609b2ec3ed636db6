import { getCamera } from '../cameras.ts';
import { getConfig } from '../config/index.ts';
import { getEnv } from '../env.ts';
import { getAnalyticsState, startAnalyticsFlusher } from './analytics-state.ts';
import { beaconSchema } from './beacon-schema.ts';
import type { BeaconErrorCode } from './beacon-response.ts';
import { classifySource } from './classify-source.ts';
import { classifyUserAgent } from './classify-user-agent.ts';
import { BUNDLED_GEOIP_DB, lookupCountry, parseCloudflareCountry } from './lookup-country.ts';
import { recordBeacon } from './record-beacon.ts';
import type { ViewDimensions } from './view-rollup.ts';

export type BeaconOutcome = { status: 204 } | { status: number; code: BeaconErrorCode; message: string; headers?: Record<string, string> };
export type BeaconRequest = { address: string; userAgent: string; host: string | undefined; cfCountry: string | undefined };

// Before the body is read: the per-client rate limit.
export function admitBeacon(address: string, now = Date.now()): BeaconOutcome | undefined {
  const env = getEnv();
  startAnalyticsFlusher(env.ANALYTICS_FLUSH_SECONDS);
  if (getAnalyticsState().rateLimiter.allow(address, env.BEACONS_PER_MINUTE, now)) return undefined;
  return { status: 429, code: 'rate_limited', message: 'Too many beacons from this client; try again in a minute.', headers: { 'Retry-After': '60' } };
}

// The body (already read, at most MAX_BEACON_BYTES): parse → check → count in memory. Never
// waits on the database. Bots are answered like everyone else and not counted.
export function acceptBeacon(text: string, request: BeaconRequest, now = Date.now()): BeaconOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { status: 400, code: 'invalid_json', message: 'The body is not valid JSON.' };
  }
  const parsed = beaconSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { status: 400, code: 'invalid_body', message: `${issue.path.join('.') || 'body'}: ${issue.message}` };
  }
  const beacon = parsed.data;
  if (!getCamera(getConfig(), beacon.camera)) return { status: 404, code: 'not_found', message: `There is no camera "${beacon.camera}".` };
  const agent = classifyUserAgent(request.userAgent);
  if (agent.bot) return { status: 204 };
  const state = getAnalyticsState();
  // A page view's dimensions are fixed at its first beacon: heartbeats skip the lookups.
  const dims = state.pageViews.get(beacon.view)?.dims ?? classifyView(beacon.camera, beacon.referrer, agent.device, request);
  recordBeacon(beacon, { dims, address: request.address, userAgent: request.userAgent, at: now }, state);
  return { status: 204 };
}

function classifyView(cameraId: string, referrer: string, device: string, request: BeaconRequest): ViewDimensions {
  const env = getEnv();
  const cloudflare = env.ANALYTICS_CF_IPCOUNTRY === 'on' ? parseCloudflareCountry(request.cfCountry ?? null) : undefined;
  return { cameraId, country: cloudflare ?? lookupCountry(request.address, env.GEOIP_DB ?? BUNDLED_GEOIP_DB), device, source: classifySource(referrer, request.host) };
}
