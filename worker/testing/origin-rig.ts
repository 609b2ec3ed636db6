// The worker's real origin (server, publisher, snapshot route) in a process of its own, with
// segments published on demand: for tests that count the origin's open file descriptors in
// /proc and the requests that reach it. Driven over IPC:
//   { type: 'publish' } → { type: 'published', sequence }
//   { type: 'stats' }   → { type: 'stats', urls, connections }
// argv: <root dir> <target duration s> <max held reloads> <segment bytes>
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { CameraStatus } from '../../lib/health.ts';
import { createLogger } from '../../lib/log.ts';
import { createOriginServer } from '../origin/server.ts';
import { Publisher } from '../publisher/publisher.ts';
import type { SnapshotJob } from '../snapshot/snapshot-job.ts';

const [root = '', target = '4', maxHeld = '1000', segmentBytes = '4194304'] = process.argv.slice(2);
const WIDTHS = [320, 640, 1280];
export const RIG_CAMERA_SOURCE = 'rtsp://192.168.1.20:554/stream1';

for (const dir of ['hls/cam', 'staging', 'state']) mkdirSync(join(root, dir), { recursive: true });
const publisher = await Publisher.open({ dir: join(root, 'hls', 'cam'), stateFile: join(root, 'state', 'cam.json'), targetDuration: Number(target), windowSize: 60 });
let staged = 0;
async function publish(): Promise<number> {
  const file = join(root, 'staging', `seg-${staged++}.ts`);
  writeFileSync(file, Buffer.alloc(Number(segmentBytes), staged % 256));
  await publisher.publish(file, Number(target));
  return publisher.lastSequence()!;
}

const images = new Map(WIDTHS.map((w) => [w, { body: Buffer.from(`jpeg ${w}px`), etag: `"img-${w}"` }]));
const view = () => ({ stale: false, ageSeconds: 0, snapshot: { images, capturedAt: Date.now(), changedAt: Date.now() - 60_000, lastModified: new Date(Date.now() - 60_000).toUTCString() } });
const jobs = new Map([['cam', { job: { view } as unknown as SnapshotJob, intervalSeconds: 10, width: 1280 }]]);
const starting: CameraStatus = { id: 'cam', name: 'Cam', source: 'rtsp://192.168.1.20:554/…', state: 'starting', since: new Date().toISOString(), reason: `starting ingest from ${RIG_CAMERA_SOURCE}`, hint: null, restarts: 0, segmentsPublished: 0, segmentsDropped: 0, newestSegmentAt: null, newestSegmentAgeSeconds: null, inputBitrateKbps: null, stream: null };

const urls: string[] = [];
let connections = 0;
const origin = createOriginServer({ hlsRoot: join(root, 'hls'), cameraIds: ['cam'], status: () => ({ generatedAt: new Date().toISOString(), cameras: [starting] }), snapshots: { defaultCameraId: 'cam', jobs }, playlists: new Map([['cam', publisher]]), maxHeldReloads: Number(maxHeld), log: createLogger('origin-rig') });
origin.on('request', (req) => void urls.push(req.url ?? ''));
origin.on('connection', () => void connections++);
for (let i = 0; i < 3; i++) await publish();
origin.listen(0, '127.0.0.1', () => process.send!({ type: 'ready', port: (origin.address() as AddressInfo).port }));

process.on('message', (message: { type: string }) => {
  if (message.type === 'publish') void publish().then((sequence) => process.send!({ type: 'published', sequence }));
  if (message.type === 'stats') process.send!({ type: 'stats', urls: urls.slice(), connections });
});
process.on('disconnect', () => process.exit(0)); // the test runner went away
