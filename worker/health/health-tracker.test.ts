import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/config/load-config.ts';
import { HealthTracker } from './health-tracker.ts';

const camera = parseConfig({ cameras: [{ id: 'roof', name: 'Roof', source: 'rtsp://admin:topsecret@cam/s' }] }).cameras[0]!;

describe('HealthTracker', () => {
  it('writes one event per transition and redacts secrets', () => {
    const events: { kind: string; detail: string }[] = [];
    let clock = 0;
    const health = new HealthTracker((e) => events.push(e), () => clock);
    health.add(camera);
    health.setState('roof', 'starting', 'starting ingest');
    health.setState('roof', 'starting', 'again');
    clock = 2000;
    health.segmentPublished('roof', 500_000, 2);
    health.setState('roof', 'live', 'segments arriving');
    health.event('roof', 'restarted', 'ffmpeg said rtsp://admin:topsecret@cam/s topsecret');
    health.setHint('roof', 'auth failed for topsecret');
    expect(health.hint('roof')).toBe('auth failed for ***');
    clock = 3500;
    const status = health.snapshot().cameras[0]!;
    expect(events.map((e) => e.kind)).toEqual(['starting', 'live', 'restarted']);
    expect(JSON.stringify({ events, status })).not.toContain('topsecret');
    expect(status).toMatchObject({ state: 'live', restarts: 1, segmentsPublished: 1, inputBitrateKbps: 2000, newestSegmentAgeSeconds: 1.5, source: 'rtsp://***@cam/s' });
  });
});
