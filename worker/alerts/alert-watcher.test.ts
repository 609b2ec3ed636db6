import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CameraState } from '../../lib/health.ts';
import { AlertWatcher } from './alert-watcher.ts';
import type { Alert } from './build-alert.ts';

let sent: Alert[];
let state: CameraState;
let watcher: AlertWatcher;
const MIN = 60_000;

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-30T20:00:00Z') });
  sent = [];
  state = 'live';
  watcher = new AlertWatcher({ alertAfterMinutes: 5, flapWindowMinutes: 60, dashboardUrl: 'https://cam.example/dashboard' }, {
    camera: (id) => ({ id, name: 'Roof', state, hint: 'camera stopped sending video', reason: 'no segment' }),
    send: (alert) => sent.push(alert),
  });
});
afterEach(() => {
  watcher.stop();
  vi.useRealTimers();
});
const set = (next: CameraState) => {
  state = next;
  watcher.onState('roof', next);
};

describe('AlertWatcher', () => {
  it('alerts after alertAfterMinutes offline, with the hint and the time it went down, and again when back', () => {
    set('offline');
    vi.advanceTimersByTime(5 * MIN - 1);
    expect(sent).toEqual([]);
    set('reconnecting'); // a restart attempt does not reset the clock
    set('offline');
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ event: 'camera.offline', camera: { id: 'roof', name: 'Roof' }, state: 'offline', since: '2026-11-30T20:00:00.000Z', hint: 'camera stopped sending video', dashboard: 'https://cam.example/dashboard' }]);
    vi.advanceTimersByTime(2 * MIN);
    set('live');
    expect(sent[1]).toMatchObject({ event: 'camera.back', state: 'live', since: '2026-11-30T20:07:00.000Z', hint: null });
  });

  it('stays quiet for a short outage', () => {
    set('offline');
    vi.advanceTimersByTime(4 * MIN);
    set('live');
    vi.advanceTimersByTime(60 * MIN);
    expect(sent).toEqual([]);
  });

  it('raises at most one offline alert per window for a flapping camera, and a late one if it stays down', () => {
    set('offline');
    vi.advanceTimersByTime(5 * MIN);
    set('live'); // 20:05: offline alert + back
    for (let i = 0; i < 6; i++) {
      set('offline');
      vi.advanceTimersByTime(6 * MIN);
      set('live');
    }
    expect(sent.map((a) => a.event)).toEqual(['camera.offline', 'camera.back']);
    set('offline'); // 20:41, and stays down: the window (from 20:05) ends at 21:05
    vi.advanceTimersByTime(23 * MIN);
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(1 * MIN);
    expect(sent.map((a) => a.event)).toEqual(['camera.offline', 'camera.back', 'camera.offline']);
    expect(sent[2]!.since).toBe('2026-11-30T20:41:00.000Z');
  });
});
