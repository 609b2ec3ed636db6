import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../lib/log.ts';
import { startWebhookReceiver, type Receiver } from '../testing/webhook-receiver.ts';
import { sendWebhook } from './send-webhook.ts';

const log = createLogger('test');
const retry = { attempts: 4, baseDelayMs: 100, timeoutMs: 2000 };
const request = { body: '{"event":"camera.offline"}', headers: { 'Content-Type': 'application/json' } };
let receiver: Receiver | undefined;
afterEach(async () => receiver?.close());

describe('sendWebhook', () => {
  it('retries a receiver that answers 500 twice, backing off, and stops at its 200', async () => {
    receiver = await startWebhookReceiver([500, 500]);
    expect(await sendWebhook(receiver.url, request, log, retry)).toBe(true);
    expect(receiver.received.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(receiver.received.every((r) => r.body === request.body)).toBe(true);
    const [a, b, c] = receiver.received.map((r) => r.at);
    expect(b! - a!).toBeGreaterThanOrEqual(100);
    expect(c! - b!).toBeGreaterThanOrEqual(200);
  });

  it('gives up after its attempts, and at once on a 4xx', async () => {
    receiver = await startWebhookReceiver([503, 503, 503, 503, 503]);
    expect(await sendWebhook(receiver.url, request, log, retry)).toBe(false);
    expect(receiver.received).toHaveLength(4);
    await receiver.close();
    receiver = await startWebhookReceiver([404]);
    expect(await sendWebhook(receiver.url, request, log, retry)).toBe(false);
    expect(receiver.received).toHaveLength(1);
  });

  it('gives up on a receiver that is not there', async () => {
    const closed = await startWebhookReceiver();
    const url = closed.url;
    await closed.close();
    expect(await sendWebhook(url, request, log, { ...retry, attempts: 2 })).toBe(false);
  });
});
