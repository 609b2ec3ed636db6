import { readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processesMatching } from '../../lib/testing/ffmpeg.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { spawnSimulator, type SimulatorProcess } from '../testing/simulator-process.ts';
import { exited, freePort } from '../../lib/testing/child-process.ts';
import { spawnWorker } from '../testing/worker-process.ts';

const PASSWORD = 'Sup3r-s3cret!pw';
const WRONG = 'Wr0ng-s3cret!pw';

// Invariant 6: camera credentials never leave the worker's config — not in a log line
// (ffmpeg's own lines and the RTSP client's included, at debug level), a health event, the
// status API, or the command line of any process we start.
describe('camera credentials', () => {
  let sim: SimulatorProcess;
  let dir: string;
  let origin: string;
  let worker: ReturnType<typeof spawnWorker>;

  beforeAll(async () => {
    sim = await spawnSimulator({ width: 640, height: 360, bitrateKbps: 800, credentials: { username: 'admin', password: PASSWORD } });
    dir = await mkdtemp(join(tmpdir(), 'lookout-creds-'));
    const rtsp = new URL(sim.rtspUrl);
    const bare = `rtsp://${rtsp.host}${rtsp.pathname}`;
    const config = {
      cameras: [
        { id: 'inline', name: 'In URL', source: `rtsp://admin:${encodeURIComponent(PASSWORD)}@${rtsp.host}${rtsp.pathname}` },
        { id: 'fields', name: 'Fields', source: bare, username: 'admin', password: PASSWORD },
        { id: 'wrong', name: 'Wrong', source: bare, username: 'admin', password: WRONG },
      ],
    };
    await writeFile(join(dir, 'lookout.config.json'), JSON.stringify(config));
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    worker = spawnWorker({ LOOKOUT_CONFIG: join(dir, 'lookout.config.json'), LOOKOUT_DATA_DIR: join(dir, 'data'), ORIGIN_PORT: String(port), LOG_LEVEL: 'debug' });
  });

  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    if (worker) await exited(worker.child);
    await sim?.stop();
  });

  it('work for the camera and appear nowhere else', async () => {
    const status = await waitFor(
      async () => {
        const body = (await (await fetch(`${origin}/status.json`)).json()) as { cameras: { id: string; state: string; hint: string | null }[] };
        const byId = new Map(body.cameras.map((c) => [c.id, c]));
        return byId.get('inline')?.state === 'live' && byId.get('fields')?.state === 'live' && byId.get('wrong')?.hint && body;
      },
      { timeoutMs: 30_000, what: 'two cameras live and a hint for the wrong password' },
    );
    expect(status.cameras.find((c) => c.id === 'wrong')!.hint).toMatch(/wrong camera password/);
    const ffmpegs = processesMatching(join(dir, 'data', 'staging'));
    expect(ffmpegs.length).toBeGreaterThanOrEqual(2);
    // Lookout's own RTSP client logs in; ffmpeg only reads the video from its stdin.
    for (const { cmdline } of ffmpegs) expect(cmdline).toMatch(/ -i pipe:0 /);

    const statusText = JSON.stringify(status);
    expect(statusText).toContain('rtsp://***@');
    // The health events journaled for the site, as the site will read them.
    const events = (await (await fetch(`${origin}/events`)).json()) as { events: { type: string }[] };
    expect(events.events.filter((e) => e.type === 'health').length).toBeGreaterThan(0);
    // What the worker publishes or keeps as state (its private run files may hold the URL for ffmpeg).
    const files = ['hls', 'state', 'journal']
      .flatMap((sub) => readdirSync(join(dir, 'data', sub), { recursive: true, withFileTypes: true }))
      .filter((f) => f.isFile() && !f.name.endsWith('.ts'))
      .map((f) => readFileSync(join(f.parentPath, f.name), 'utf8'));
    expect(files.length).toBeGreaterThan(0);
    const everything = [worker.output(), statusText, JSON.stringify(events), ...ffmpegs.map((p) => p.cmdline), ...files].join('\n');
    expect(worker.output()).toMatch(/ffmpeg: /); // debug lines from ffmpeg are part of what was checked
    for (const secret of [PASSWORD, WRONG, encodeURIComponent(PASSWORD), encodeURIComponent(WRONG)]) {
      expect(everything).not.toContain(secret);
    }
  });
});
