import { describe, expect, it } from 'vitest';
import { toPublicHealth } from './worker-health.ts';

describe('toPublicHealth', () => {
  it('keeps states and ages, and drops the reason that can name the camera address', () => {
    const health = toPublicHealth({ ok: false, worker: 'up', cameras: [{ id: 'roof', name: 'Roof', state: 'starting', reason: 'starting ingest from rtsp://192.168.1.20:554/stream1', newestSegmentAgeSeconds: null }] });
    expect(health).toEqual({ ok: false, worker: 'up', cameras: [{ id: 'roof', name: 'Roof', state: 'starting', newestSegmentAgeSeconds: null }] });
    expect(JSON.stringify(health)).not.toContain('192.168');
  });
});
