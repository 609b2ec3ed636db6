import { rmSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEdge, type Edge } from '../../worker/testing/edge-process.ts';
import { startSite, type Site } from '../../lib/testing/site-process.ts';
import { freePort } from '../../lib/testing/child-process.ts';
import { startOriginRig, type OriginRig } from '../../worker/testing/origin-rig-process.ts';

// What an attacker on the internet reaches: the shipped nginx edge (deploy/nginx), the real
// production site server and the worker's real origin in a process of its own.
export type Stack = { rig: OriginRig; site: Site; edge: Edge; stop: () => Promise<void> };
export const HELD_RELOAD_LIMIT = 20;
export const CAMERAS = { defaultCamera: 'cam', cameras: [{ id: 'cam', name: 'Cam', source: 'rtsp://192.168.1.20:554/stream1', timezone: 'UTC' }] };

export async function startStack(): Promise<Stack> {
  const rig = await startOriginRig({ maxHeldReloads: HELD_RELOAD_LIMIT });
  const site = await startSite(rig.url, CAMERAS, { HELD_RELOAD_LIMIT: String(HELD_RELOAD_LIMIT), ALLOWED_HOSTS: '127.0.0.1,cam.example.org' }).catch(async (error: unknown) => {
    await rig.stop();
    throw error;
  });
  const dir = mkdtempSync(join(tmpdir(), 'lookout-security-edge-'));
  const edge = await startEdge(dir, { port: await freePort(), site: `127.0.0.1:${site.port}`, origin: new URL(rig.url).host });
  return {
    rig,
    site,
    edge,
    stop: async () => {
      await Promise.all([edge.stop(), site.stop(), rig.stop()]);
      rmSync(dir, { recursive: true, force: true });
      rmSync(rig.root, { recursive: true, force: true });
    },
  };
}

// The newest media sequence number in a playlist.
export function lastSequenceIn(playlist: string): number {
  const first = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(playlist)?.[1] ?? NaN);
  return first + playlist.split('\n').filter((line) => line.endsWith('.ts')).length - 1;
}
