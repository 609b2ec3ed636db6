import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LookoutConfig } from '../lib/cameras.ts';
import { createLogger, registerSecrets, type Logger } from '../lib/log.ts';
import { HealthTracker, type HealthEventSink } from './health/health-tracker.ts';
import { killOrphanedIngests, recordIngestPid } from './ingest/orphans.ts';
import { IngestSupervisor } from './ingest/supervisor.ts';
import type { OriginEvent } from '../lib/origin-events.ts';
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
  recordEvent: HealthEventSink;
  appendOriginEvent?: (event: OriginEvent) => void; // the journal the site pulls; none: counts are dropped
};

export type RunningWorker = { origin: Server; originUrl: string; health: HealthTracker; stop: () => Promise<void> };

// Wires the jobs together for every camera. Used by worker/index.ts and by the tests.
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const log = createLogger('worker');
  const paths = workerPaths(options.dataDir);
  registerSecrets(options.config.cameras.flatMap((c) => c.secrets));
  const killed = await killOrphanedIngests(paths.runDir, paths.stagingRoot);
  if (killed.length) log.warn(`killed ${killed.length} ffmpeg left over from a previous worker`);

  const health = new HealthTracker(options.recordEvent);
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
        onSpawn: (pid) => void recordIngestPid(paths.runDir, camera.id, pid),
      }),
    );
  }

  const previewFetches = createPreviewFetchCounter(options.appendOriginEvent ?? (() => {}));
  const snapshotSource = { defaultCameraId: options.config.defaultCameraId, jobs: snapshots, onFetch: previewFetches.count };
  const origin = createOriginServer({ hlsRoot: paths.hlsRoot, cameraIds: options.config.cameras.map((c) => c.id), status: () => health.snapshot(), snapshots: snapshotSource, playlists, log });
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
    stop: async () => {
      for (const { job } of snapshots.values()) job.stop();
      previewFetches.stop();
      await Promise.all(supervisors.map((s) => s.stop()));
      await new Promise<void>((resolve) => origin.close(() => resolve()));
      origin.closeAllConnections();
    },
  };
}
