import { afterEach, describe, expect, it } from 'vitest';
import type { CameraState } from '../../lib/health.ts';
import { createLogger } from '../../lib/log.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { startWebhookReceiver, type Receiver } from '../testing/webhook-receiver.ts';
import { startAlerts } from './start-alerts.ts';

let receiver: Receiver | undefined;
let stopAlerts: (() => void) | undefined;
afterEach(async () => {
  stopAlerts?.();
  await receiver?.close();
});

describe('alerts for a flapping camera, to a real receiver', () => {
  it('send one offline alert per window, then one more when the window has passed and it is still down', async () => {
    receiver = await startWebhookReceiver();
    let state: CameraState = 'live';
    const status = () => ({ generatedAt: '', cameras: [{ id: 'gate', name: 'Gate', source: '', state, since: '', reason: 'no new segment', hint: null, restarts: 0, segmentsPublished: 0, segmentsDropped: 0, newestSegmentAt: null, newestSegmentAgeSeconds: null, inputBitrateKbps: null, stream: null }] });
    const alerts = startAlerts({ webhooks: [{ url: receiver.url, format: 'ntfy' }], alertAfterMinutes: 0.005, flapWindowMinutes: 0.05 }, status, createLogger('test'));
    stopAlerts = alerts.stop;
    const set = (next: CameraState) => {
      state = next;
      alerts.onEvent('gate', next);
    };
    const downAt = Date.now();
    set('offline');
    const first = await waitFor(() => receiver!.received[0], { what: 'the first offline alert' });
    expect(first.headers.title).toBe('Lookout: Gate offline');
    expect(first.body).toMatch(/^Gate is offline since .*: no new segment$/);
    set('live');
    await waitFor(() => receiver!.received[1], { what: 'the back alert' });
    for (let i = 0; i < 5; i++) {
      set('offline');
      set('live');
    }
    set('offline'); // and stays down
    const late = await waitFor(() => receiver!.received[2], { timeoutMs: 10_000, what: 'the offline alert after the window' });
    expect(receiver.received.map((r) => r.headers.title)).toEqual(['Lookout: Gate offline', 'Lookout: Gate back', 'Lookout: Gate offline']);
    // Not before alertAfterMinutes (0.3 s) + flapWindowMinutes (3 s) from the first drop.
    expect(late.at - downAt).toBeGreaterThanOrEqual(3300);
  });
});
