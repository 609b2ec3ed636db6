import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildAlertRequest, type Alert } from './build-alert.ts';

const offline: Alert = { event: 'camera.offline', camera: { id: 'roof', name: 'Roof' }, state: 'offline', since: '2026-11-30T21:03:00.000Z', hint: 'connection refused: is the camera on and the port right?', dashboard: 'https://cam.example/dashboard' };
const SECRET = 'webhook-secret-0123456789';
const NOW = Date.parse('2026-11-30T21:08:00Z');

describe('buildAlertRequest', () => {
  it('sends Lookout JSON signed over the timestamp and the body', () => {
    const { body, headers } = buildAlertRequest(offline, { url: 'http://x/', format: 'json', secret: SECRET }, NOW);
    expect(JSON.parse(body)).toEqual({ ...offline, text: 'Roof is offline since 2026-11-30 21:03 UTC: connection refused: is the camera on and the port right?' });
    const t = NOW / 1000;
    expect(headers['X-Lookout-Signature']).toBe(`t=${t},sha256=${createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex')}`);
    expect(buildAlertRequest(offline, { url: 'http://x/', format: 'json', secret: 'another-secret-0123456' }, NOW).headers['X-Lookout-Signature']).not.toBe(headers['X-Lookout-Signature']);
  });

  it('leaves the signature out without a secret', () => {
    expect(buildAlertRequest(offline, { url: 'http://x/', format: 'json' }).headers['X-Lookout-Signature']).toBeUndefined();
  });

  it('speaks ntfy, Slack and Discord', () => {
    const ntfy = buildAlertRequest(offline, { url: 'https://ntfy.sh/t', format: 'ntfy' });
    expect(ntfy.body).toBe('Roof is offline since 2026-11-30 21:03 UTC: connection refused: is the camera on and the port right?');
    expect(ntfy.headers).toMatchObject({ Title: 'Lookout: Roof offline', Priority: 'high', Tags: 'warning', Click: 'https://cam.example/dashboard' });
    const back: Alert = { ...offline, event: 'camera.back', state: 'live', hint: null, dashboard: null };
    expect(buildAlertRequest(back, { url: 'https://ntfy.sh/t', format: 'ntfy' }).headers).toMatchObject({ Title: 'Lookout: Roof back', Priority: 'default' });
    expect(JSON.parse(buildAlertRequest(back, { url: 'https://hooks.slack.com/x', format: 'slack' }).body)).toEqual({ text: 'Roof is back (live since 2026-11-30 21:03 UTC)' });
    expect(JSON.parse(buildAlertRequest(offline, { url: 'https://discord.com/api/webhooks/x', format: 'discord' }).body).content).toMatch(/^Roof is offline .* https:\/\/cam\.example\/dashboard$/);
  });
});
