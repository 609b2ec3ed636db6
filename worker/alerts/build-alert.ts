import { createHmac } from 'node:crypto';
import type { WebhookConfig } from '../../lib/config/alerts-schema.ts';

export type Alert = {
  event: 'camera.offline' | 'camera.back';
  camera: { id: string; name: string };
  state: string;
  since: string; // ISO: when the camera went offline, or came back
  hint: string | null; // what is probably wrong, in plain words (already redacted)
  dashboard: string | null;
};

export type AlertRequest = { body: string; headers: Record<string, string> };

export function describeAlert(alert: Alert): string {
  const since = alert.since.slice(0, 16).replace('T', ' ') + ' UTC';
  return alert.event === 'camera.offline'
    ? `${alert.camera.name} is offline since ${since}${alert.hint ? `: ${alert.hint}` : ''}`
    : `${alert.camera.name} is back (live since ${since})`;
}

// One webhook call, in the receiver's format, signed when the webhook has a secret:
// `X-Lookout-Signature: t=<unix seconds>,sha256=<hex HMAC-SHA256 of "<t>.<body>">`.
export function buildAlertRequest(alert: Alert, webhook: WebhookConfig, now = Date.now()): AlertRequest {
  const text = describeAlert(alert);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'User-Agent': 'Lookout-Alerts/1' };
  let body: string;
  if (webhook.format === 'ntfy') {
    body = text;
    Object.assign(headers, { 'Content-Type': 'text/plain; charset=utf-8', Title: `Lookout: ${alert.camera.name} ${alert.event === 'camera.offline' ? 'offline' : 'back'}`, Tags: alert.event === 'camera.offline' ? 'warning' : 'white_check_mark', Priority: alert.event === 'camera.offline' ? 'high' : 'default' });
    if (alert.dashboard) headers.Click = alert.dashboard;
  } else if (webhook.format === 'slack') {
    body = JSON.stringify({ text: alert.dashboard ? `${text} <${alert.dashboard}|dashboard>` : text });
  } else if (webhook.format === 'discord') {
    body = JSON.stringify({ content: alert.dashboard ? `${text} ${alert.dashboard}` : text });
  } else {
    body = JSON.stringify({ ...alert, text });
  }
  if (webhook.secret) {
    const t = Math.floor(now / 1000);
    headers['X-Lookout-Signature'] = `t=${t},sha256=${createHmac('sha256', webhook.secret).update(`${t}.${body}`).digest('hex')}`;
  }
  return { body, headers };
}
