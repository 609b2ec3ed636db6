import { describe, expect, it } from 'vitest';
import { toPublicHealth } from './worker-health.ts';

describe('toPublicHealth', () => {
  it("keeps states and ages, and drops the reason that can name the camera address and the owner's stream summary", () => {
    const stream = { codec: 'H.264', profile: 'Main', level: '3', width: 640, height: 360, frameRate: 25, frameRateSource: 'rtp', vuiFrameRate: 25, gopFrames: 50, gopSeconds: 2, bFrames: true, reorderDepth: 2, bitrateKbps: 580, frames: 100, keyframes: 2, losses: 0, droppedFrames: 0, cameraClock: null } as const;
    const health = toPublicHealth({ ok: false, worker: 'up', cameras: [{ id: 'roof', name: 'Roof', state: 'starting', reason: 'starting ingest from rtsp://192.168.1.20:554/stream1', newestSegmentAgeSeconds: null, stream }] });
    expect(health).toEqual({ ok: false, worker: 'up', cameras: [{ id: 'roof', name: 'Roof', state: 'starting', newestSegmentAgeSeconds: null }] });
    expect(JSON.stringify(health)).not.toContain('192.168');
  });
});
