import { createHmac } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/config/load-config.ts';
import { spawnSimulator, type SimulatorProcess } from '../testing/simulator-process.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { startWorker, type RunningWorker } from '../start-worker.ts';
import { startWebhookReceiver, type Receiver } from '../testing/webhook-receiver.ts';

// The worker's alerts end to end: a simulated camera that drops (the simulator's `disconnect`
// fault), a real receiver on 127.0.0.1 that fails twice before accepting.
const SECRET = 'alert-signing-secret-0123456789';
let sim: SimulatorProcess;
let receiver: Receiver;
let worker: RunningWorker;

beforeAll(async () => {
  sim = await spawnSimulator({ width: 480, height: 270, bitrateKbps: 500 });
  receiver = await startWebhookReceiver([500, 500]);
  const config = parseConfig({
    cameras: [{ id: 'roof', name: 'Roof', source: sim.rtspUrl, segmentSeconds: 1, timeoutSeconds: 2 }],
    alerts: { webhooks: [{ url: receiver.url, secret: SECRET }], alertAfterMinutes: 0.05, dashboardUrl: 'https://cam.example/dashboard' },
  });
  worker = await startWorker({ config, dataDir: mkdtempSync(join(tmpdir(), 'lookout-alerts-')), ffmpegPath: 'ffmpeg', originHost: '127.0.0.1', originPort: 0, alertRetry: { attempts: 5, baseDelayMs: 200, timeoutMs: 2000 } });
  await waitFor(() => worker.health.state('roof') === 'live', { timeoutMs: 30_000, what: 'the camera to be live' });
});

afterAll(async () => {
  await worker?.stop();
  await receiver?.close();
  await sim?.stop();
});

describe('alerts', () => {
  it('tell a receiver that fails twice when the camera has been offline a while, and when it is back, signed', async () => {
    const cut = Date.now();
    await sim.setFault('disconnect', { durationMs: 12_000 });
    const offline = await waitFor(() => receiver.answered()[0], { timeoutMs: 30_000, what: 'the offline alert' });
    expect(receiver.received.slice(0, 3).map((r) => r.status)).toEqual([500, 500, 200]);
    const body = JSON.parse(offline.body) as { event: string; camera: { id: string }; state: string; since: string; hint: string; dashboard: string; text: string };
    expect(body).toMatchObject({ event: 'camera.offline', camera: { id: 'roof', name: 'Roof' }, state: 'offline', dashboard: 'https://cam.example/dashboard' });
    expect(body.hint.length).toBeGreaterThan(0);
    expect(Date.parse(body.since)).toBeGreaterThanOrEqual(cut);
    expect(offline.at - Date.parse(body.since)).toBeGreaterThanOrEqual(3000); // alertAfterMinutes: 0.05
    const [, t, mac] = /^t=(\d+),sha256=([0-9a-f]{64})$/.exec(String(offline.headers['x-lookout-signature']))!;
    expect(mac).toBe(createHmac('sha256', SECRET).update(`${t}.${offline.body}`).digest('hex'));

    const back = await waitFor(() => receiver.answered()[1], { timeoutMs: 40_000, what: 'the back alert' });
    expect(JSON.parse(back.body)).toMatchObject({ event: 'camera.back', state: 'live', hint: null });
    expect(receiver.answered()).toHaveLength(2);
  });
});
