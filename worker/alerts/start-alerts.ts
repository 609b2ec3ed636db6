import type { AlertsConfig } from '../../lib/config/alerts-schema.ts';
import type { CameraState, WorkerStatus } from '../../lib/health.ts';
import { registerSecrets, type Logger } from '../../lib/log.ts';
import { AlertWatcher } from './alert-watcher.ts';
import { buildAlertRequest } from './build-alert.ts';
import { sendWebhook, type RetryPolicy } from './send-webhook.ts';

const STATES = new Set<string>(['starting', 'live', 'reconnecting', 'offline']);

// The worker's alerting: health transitions in, webhook calls out (each on its own, so a slow
// receiver never holds up another).
export function startAlerts(config: AlertsConfig, status: () => WorkerStatus, log: Logger, retry?: RetryPolicy): { onEvent: (cameraId: string, kind: string) => void; stop: () => void } {
  registerSecrets(config.webhooks.flatMap((w) => (w.secret ? [w.secret] : [])));
  const watcher = new AlertWatcher(config, {
    camera: (id) => status().cameras.find((c) => c.id === id)!,
    send: (alert) => {
      log.info(`alert: ${alert.camera.id} ${alert.event === 'camera.offline' ? 'offline' : 'back'} (${config.webhooks.length} webhook(s))`);
      for (const webhook of config.webhooks) void sendWebhook(webhook.url, buildAlertRequest(alert, webhook), log, retry);
    },
  });
  return {
    onEvent: (cameraId, kind) => {
      if (STATES.has(kind)) watcher.onState(cameraId, kind as CameraState);
    },
    stop: () => watcher.stop(),
  };
}
