import type { HealthEventKind } from '../health.ts';

export type DemoHealthEvent = { cameraId: string; kind: HealthEventKind; detail: string; at: Date };

// A plausible year of a cheap camera's ingest for demos and benchmarks: a few short reconnects
// a day, some segments dropped as corrupt, and now and then an hours-long outage.
export function generateDemoHealthEvents(cameraId: string, from: number, to: number, seed = 7): DemoHealthEvent[] {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
  const events: DemoHealthEvent[] = [{ cameraId, kind: 'live', detail: 'segments arriving', at: new Date(from) }];
  for (let day = from; day < to; day += 86_400_000) {
    for (let i = Math.floor(random() * 4); i > 0; i--) events.push({ cameraId, kind: 'dropped', detail: 'corrupt segment dropped', at: new Date(day + random() * 86_400_000) });
    for (let i = Math.floor(random() * 3); i > 0; i--) {
      const at = day + random() * 86_000_000;
      events.push({ cameraId, kind: 'reconnecting', detail: 'no new segment for 2 × segment duration', at: new Date(at) });
      events.push({ cameraId, kind: 'restarted', detail: '', at: new Date(at + 1000) });
      events.push({ cameraId, kind: 'live', detail: 'segments arriving', at: new Date(at + 5000 + random() * 60_000) });
    }
    if (random() < 0.05) {
      const at = day + random() * 70_000_000;
      events.push({ cameraId, kind: 'offline', detail: 'connection refused: is the camera on?', at: new Date(at) });
      events.push({ cameraId, kind: 'live', detail: 'segments arriving', at: new Date(at + 3_600_000 + random() * 7_200_000) });
    }
  }
  return events.filter((e) => e.at.getTime() < to).sort((a, b) => a.at.getTime() - b.at.getTime());
}
