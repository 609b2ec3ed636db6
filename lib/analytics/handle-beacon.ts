import { getCamera } from '../cameras.ts';
import { getConfig } from '../config/index.ts';
import { getEnv } from '../env.ts';
import { getClientAddress } from '../net/client-address.ts';
import { getAnalyticsState, startAnalyticsFlusher } from './analytics-state.ts';
import { beaconAccepted, beaconError } from './beacon-response.ts';
import { beaconSchema, MAX_BEACON_BYTES } from './beacon-schema.ts';
import { classifyDevice } from './classify-device.ts';
import { classifySource } from './classify-source.ts';
import { isBotUserAgent } from './detect-bot.ts';
import { BUNDLED_GEOIP_DB, lookupCountry, parseCloudflareCountry } from './lookup-country.ts';
import { readLimitedBody } from './read-limited-body.ts';
import { recordBeacon } from './record-beacon.ts';

// POST /api/beacon: parse → check → count in memory → 204. Never waits on the database.
export async function handleBeacon(request: Request, now = Date.now()): Promise<Response> {
  const env = getEnv();
  const state = getAnalyticsState();
  startAnalyticsFlusher(env.ANALYTICS_FLUSH_SECONDS);
  const address = getClientAddress(request.headers) ?? '';
  if (!state.rateLimiter.allow(address, env.BEACONS_PER_MINUTE, now)) {
    return beaconError(429, 'rate_limited', 'Too many beacons from this client; try again in a minute.', { 'Retry-After': '60' });
  }
  const text = await readLimitedBody(request, MAX_BEACON_BYTES);
  if (text === undefined) return beaconError(413, 'body_too_large', `A beacon is at most ${MAX_BEACON_BYTES} bytes.`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return beaconError(400, 'invalid_json', 'The body is not valid JSON.');
  }
  const parsed = beaconSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return beaconError(400, 'invalid_body', `${issue.path.join('.') || 'body'}: ${issue.message}`);
  }
  const beacon = parsed.data;
  if (!getCamera(getConfig(), beacon.camera)) return beaconError(404, 'not_found', `There is no camera "${beacon.camera}".`);
  const userAgent = request.headers.get('user-agent') ?? '';
  if (isBotUserAgent(userAgent)) return beaconAccepted(); // answered alike, never counted
  const cloudflare = env.ANALYTICS_CF_IPCOUNTRY === 'on' ? parseCloudflareCountry(request.headers.get('cf-ipcountry')) : undefined;
  const dims = {
    cameraId: beacon.camera,
    country: cloudflare ?? lookupCountry(address, env.GEOIP_DB ?? BUNDLED_GEOIP_DB),
    device: classifyDevice(userAgent),
    source: classifySource(beacon.referrer, request.headers.get('host')),
  };
  recordBeacon(beacon, { dims, address, userAgent, at: now }, state);
  return beaconAccepted();
}
