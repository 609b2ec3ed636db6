import { join, resolve } from 'node:path';

// Where the worker keeps things under the data directory.
export function workerPaths(dataDir: string) {
  const root = resolve(dataDir);
  return {
    hlsRoot: join(root, 'hls'),
    stagingRoot: join(root, 'staging'),
    stateRoot: join(root, 'state'),
    runDir: join(root, 'run'),
    journalDir: join(root, 'journal'),
    hlsDir: (cameraId: string) => join(root, 'hls', cameraId),
    stagingDir: (cameraId: string) => join(root, 'staging', cameraId),
    snapshotDir: (cameraId: string) => join(root, 'snapshots', cameraId),
    stateFile: (cameraId: string) => join(root, 'state', `${cameraId}.json`),
  };
}
