import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookoutConfig } from '../lib/cameras.ts';
import { createLogger, registerSecrets, type Logger } from '../lib/log.ts';
import { HealthTracker, type HealthEventSink } from './health/health-tracker.ts';
import { startAlerts } from './alerts/start-alerts.ts';
import type { RetryPolicy } from './alerts/send-webhook.ts';
import { EventJournal } from './journal/event-journal.ts';
import { IngestCpu } from './metrics/process-cpu.ts';
import { createWorkerMetrics } from './metrics/worker-metrics.ts';
import { killOrphanedIngests, recordIngestPid } from './ingest/orphans.ts';
import { IngestSupervisor } from './ingest/supervisor.ts';
import { createPreviewFetchCounter } from './origin/preview-fetch-counter.ts';
import { createOriginServer } from './origin/server.ts';
import { workerPaths } from './paths.ts';
import { Publisher } from './publisher/publisher.ts';
import { SnapshotJob } from './snapshot/snapshot-job.ts';

export type WorkerOptions = {
  config: LookoutConfig;
  dataDir: string;
  ffmpegPath: string;
  originHost: string;
  originPort: number;
  maxHeldReloads?: number;
  recordEvent?: HealthEventSink; // also told of every health event (tests watch with it)
  originToken?: string; // ORIGIN_TOKEN: lets a non-loopback site read the private paths
  trustLoopback?: boolean; // false behind `ssh -R`, where every peer is loopback
  alertRetry?: RetryPolicy; // tests shorten the webhook back-off
};

// `journal.append(event)` journals anything else the site must record (preview fetches, say).
export type RunningWorker = { origin: Server; originUrl: string; health: HealthTracker; journal: EventJournal; stop: () => Promise<void> };

// Wires the jobs together for every camera. Used by worker/index.ts and by the tests.
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = createLogger('worker');
  const paths = workerPaths(options.dataDir);
  registerSecrets(options.config.cameras.flatMap((c) => c.secrets));
  const killed = await killOrphanedIngests(paths.runDir, paths.stagingRoot);
  if (killed.length) log.warn(`killed ${killed.length} ffmpeg left over from a previous worker`);

  const journal = EventJournal.open(paths.journalDir);
  const alerts = startAlerts(options.config.alerts, () => health.snapshot(), log, options.alertRetry);
  const health: HealthTracker = new HealthTracker((event) => {
    alerts.onEvent(event.cameraId, event.kind);
    try {
      journal.append({ type: 'health', ...event, at: new Date().toISOString() });
    } catch (error) {
      log.warn(`could not journal a health event: ${(error as Error).message}`);
    }
    options.recordEvent?.(event);
  });
  const ingestCpu = new IngestCpu();
  const supervisors: IngestSupervisor[] = [];
  const snapshots = new Map<string, { job: SnapshotJob; intervalSeconds: number; width: number }>();
  const playlists = new Map<string, Publisher>();
  for (const camera of options.config.cameras) {
    health.add(camera);
    const publisher = await Publisher.open({ dir: paths.hlsDir(camera.id), stateFile: paths.stateFile(camera.id), targetDuration: camera.segmentSeconds });
    await publisher.removeStrays();
    playlists.set(camera.id, publisher);
    const cameraLog: Logger = createLogger(`camera:${camera.id}`);
    const job = await SnapshotJob.open(camera, { ffmpegPath: options.ffmpegPath, publisher, dir: paths.snapshotDir(camera.id), log: cameraLog });
    snapshots.set(camera.id, { job, intervalSeconds: camera.snapshot.intervalSeconds, width: camera.snapshot.width });
    supervisors.push(
      new IngestSupervisor(camera, {
        ffmpegPath: options.ffmpegPath,
        stagingDir: paths.stagingDir(camera.id),
        publisher,
        health,
        log: cameraLog,
        onSpawn: (pid) => {
          if (pid) ingestCpu.track(camera.id, pid);
          void recordIngestPid(paths.runDir, camera.id, pid);
        },
      }),
    );
  }

  const status = () => health.snapshot();
  const previewFetches = createPreviewFetchCounter((event) => journal.append(event));
  const snapshotSource = { defaultCameraId: options.config.defaultCameraId, jobs: snapshots, onFetch: previewFetches.count };
  const metrics = createWorkerMetrics({ status, ingestCpu, snapshotAgeSeconds: (id) => snapshots.get(id)?.job.view()?.ageSeconds ?? null });
  const privateRoutes = {
    access: { token: options.originToken, trustLoopback: options.trustLoopback ?? true },
    journal,
    metrics: async () => ({ contentType: metrics.contentType, body: await metrics.metrics() }),
  };
  const origin = createOriginServer({ hlsRoot: paths.hlsRoot, cameraIds: options.config.cameras.map((c) => c.id), status, snapshots: snapshotSource, playlists, maxHeldReloads: options.maxHeldReloads, log, private: privateRoutes });
  await new Promise<void>((resolve, reject) => {
    origin.once('error', reject);
    origin.listen(options.originPort, options.originHost, () => resolve());
  });
  const { port } = origin.address() as AddressInfo;
  const originUrl = `http://${options.originHost}:${port}`;
  await Promise.all(supervisors.map((s) => s.start()));
  for (const { job } of snapshots.values()) job.start();
  log.info(`origin listening on ${originUrl}; ${supervisors.length} camera(s)`);

  return {
    origin,
    originUrl,
    health,
    journal,
    stop: async () => {
      alerts.stop();
      for (const { job } of snapshots.values()) job.stop();
      previewFetches.stop();
      await Promise.all(supervisors.map((s) => s.stop()));
      await new Promise<void>((resolve) => origin.close(() => resolve()));
      origin.closeAllConnections();
      journal.close();
    },
  };
}
