import type { LookoutConfig } from '../cameras.ts';
import { EVERY_CAMERA, type LocalDayZone } from '../queries/analytics/analytics-rows.ts';

// The zones the dashboard shows days in: each camera's page its own zone, the all-cameras page
// the default camera's (as DashboardPage picks them). ViewLocalDay is kept for exactly these.
export function listDashboardZones(config: Pick<LookoutConfig, 'cameras' | 'defaultCameraId'>): LocalDayZone[] {
  const zones = config.cameras.map((c) => ({ timeZone: c.timezone, cameraId: c.id }));
  const main = config.cameras.find((c) => c.id === config.defaultCameraId) ?? config.cameras[0];
  return main ? [...zones, { timeZone: main.timezone, cameraId: EVERY_CAMERA }] : zones;
}
