import type { AlertsConfig } from '../../lib/config/alerts-schema.ts';
import type { CameraState } from '../../lib/health.ts';
import type { Alert } from './build-alert.ts';

export type CameraView = { id: string; name: string; state: CameraState; hint: string | null; reason: string };
export type AlertDeps = { camera: (id: string) => CameraView; send: (alert: Alert) => void; now?: () => number };

type Watch = { downSince: number | null; timer?: NodeJS.Timeout; lastOfflineAlert: number | null; open: boolean };

// Decides when to alert. A camera is down from its first `offline` until it is `live` again
// (restart attempts in between do not reset the clock); after `alertAfterMinutes` down, an
// offline alert goes out, and a back alert when it is live again. A camera that drops again
// within `flapWindowMinutes` of its last offline alert raises no new one until the window has
// passed, and then only if it is still down.
export class AlertWatcher {
  private readonly watches = new Map<string, Watch>();
  private readonly now: () => number;

  constructor(private readonly config: Pick<AlertsConfig, 'alertAfterMinutes' | 'flapWindowMinutes' | 'dashboardUrl'>, private readonly deps: AlertDeps) {
    this.now = deps.now ?? Date.now;
  }

  onState(cameraId: string, state: CameraState): void {
    const watch = this.watch(cameraId);
    if (state === 'offline' && watch.downSince === null) {
      watch.downSince = this.now();
      this.schedule(cameraId, this.config.alertAfterMinutes * 60_000);
    } else if (state === 'live' && watch.downSince !== null) {
      watch.downSince = null;
      clearTimeout(watch.timer);
      watch.timer = undefined;
      if (watch.open) {
        watch.open = false;
        this.send(cameraId, 'camera.back', this.now());
      }
    }
  }

  stop(): void {
    for (const watch of this.watches.values()) clearTimeout(watch.timer);
  }

  private schedule(cameraId: string, delayMs: number): void {
    const watch = this.watch(cameraId);
    clearTimeout(watch.timer);
    watch.timer = setTimeout(() => this.check(cameraId), Math.max(0, delayMs));
    watch.timer.unref();
  }

  private check(cameraId: string): void {
    const watch = this.watch(cameraId);
    watch.timer = undefined;
    if (watch.downSince === null || watch.open) return;
    const now = this.now();
    const windowEnds = watch.lastOfflineAlert === null ? 0 : watch.lastOfflineAlert + this.config.flapWindowMinutes * 60_000;
    if (now < windowEnds) return this.schedule(cameraId, windowEnds - now);
    watch.lastOfflineAlert = now;
    watch.open = true;
    this.send(cameraId, 'camera.offline', watch.downSince);
  }

  private send(cameraId: string, event: Alert['event'], since: number): void {
    const camera = this.deps.camera(cameraId);
    this.deps.send({
      event,
      camera: { id: camera.id, name: camera.name },
      state: event === 'camera.offline' ? 'offline' : 'live',
      since: new Date(since).toISOString(),
      hint: event === 'camera.offline' ? camera.hint ?? camera.reason : null,
      dashboard: this.config.dashboardUrl ?? null,
    });
  }

  private watch(cameraId: string): Watch {
    let watch = this.watches.get(cameraId);
    if (!watch) this.watches.set(cameraId, (watch = { downSince: null, lastOfflineAlert: null, open: false }));
    return watch;
  }
}
