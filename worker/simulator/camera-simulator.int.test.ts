import { mkdtemp, rm, stat } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeErrors } from '../../lib/testing/ffmpeg.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { startCameraSimulator, type CameraSimulator } from './camera-simulator.ts';
import { isProcessAlive, killFfmpegClients, rtspInput, runFfmpegClient, tcpInput } from './test-ffmpeg-client.ts';

// Real ffmpeg as the client of a real simulator. ffmpeg 5.1 exits 0 when a camera goes
// away mid-stream, so these tests look at timing, stderr and the decoded files too.
let sim: CameraSimulator;
let dir: string;
const out = (name: string) => join(dir, `${name}.ts`);
const portOf = (url: string) => Number(new URL(url).port);
const wrongPasswordUrl = () => sim.rtspUrl.replace(':secret@', ':nope@');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lookout-sim-'));
  sim = await startCameraSimulator({ width: 640, height: 360, bitrateKbps: 1200, credentials: { username: 'admin', password: 'secret' } });
});
afterEach(async () => {
  killFfmpegClients();
  await sim.setFault('none');
});
afterAll(async () => {
  await sim?.stop();
  await rm(dir, { recursive: true, force: true });
});

function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

// Starts an RTSP and a raw TCP client and waits until both are being sent frames.
async function startStreamingClients(name: string, extra: string[] = []) {
  const before = sim.stats();
  const rtsp = runFfmpegClient(rtspInput(sim.rtspUrl, extra), out(`${name}-rtsp`), 30);
  const tcp = runFfmpegClient(tcpInput(sim.tcpUrl, extra), out(`${name}-tcp`), 30);
  await waitFor(() => sim.stats().rtsp.streamingClients === before.rtsp.streamingClients + 1 && sim.stats().tcp.streamingClients === 1, { what: 'both clients streaming' });
  return { rtsp, tcp };
}

describe('camera simulator with ffmpeg as the client', () => {
  it('serves RTSP (Digest) and raw TCP that decode without a single error', async () => {
    const rtsp = runFfmpegClient(rtspInput(sim.rtspUrl), out('clean-rtsp'), 3);
    // Not -use_wallclock_as_timestamps here: its jitter alone makes decodeErrors report dts lines.
    const tcp = runFfmpegClient(tcpInput(sim.tcpUrl), out('clean-tcp'), 3);
    expect((await rtsp.exited).code).toBe(0);
    expect((await tcp.exited).code).toBe(0);
    for (const name of ['clean-rtsp', 'clean-tcp']) {
      expect((await stat(out(name))).size).toBeGreaterThan(100_000);
      expect(await decodeErrors(out(name))).toEqual([]);
    }
  });

  it('answers 401 to a wrong password, and to the right one under wrong-password', async () => {
    const wrong = await runFfmpegClient(rtspInput(wrongPasswordUrl()), out('wrong'), 1).exited;
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.join('\n')).toContain('401 Unauthorized');
    await sim.setFault('wrong-password');
    const changed = await runFfmpegClient(rtspInput(sim.rtspUrl), out('changed'), 1).exited;
    expect(changed.code).toBe(1);
    expect(changed.stderr.join('\n')).toContain('Server returned 401 Unauthorized (authorization failed)');
  });

  it('refuse: connections refused on both ports; none: the same ports work again', async () => {
    const status = await sim.setFault('refuse');
    expect([status.rtsp.listening, status.tcp.listening]).toEqual([false, false]);
    expect([await tryConnect(portOf(sim.rtspUrl)), await tryConnect(portOf(sim.tcpUrl))]).toEqual(['ECONNREFUSED', 'ECONNREFUSED']);
    const refused = await runFfmpegClient(rtspInput(sim.rtspUrl), out('refused'), 1).exited;
    expect(refused.code).toBe(1);
    expect(refused.stderr.join('\n')).toContain('Connection refused');
    await sim.setFault('none');
    const again = await Promise.all([runFfmpegClient(rtspInput(sim.rtspUrl), out('again-rtsp'), 1).exited, runFfmpegClient(tcpInput(sim.tcpUrl), out('again-tcp'), 1).exited]);
    expect(again.map((exit) => exit.code)).toEqual([0, 0]);
  });

  it('disconnect: streaming clients are dropped (ffmpeg exits 0) and newcomers turned away', async () => {
    const { rtsp, tcp } = await startStreamingClients('disconnect');
    const faultAt = Date.now();
    await sim.setFault('disconnect');
    const exits = await Promise.all([rtsp.exited, tcp.exited]);
    expect(exits.map((exit) => exit.code)).toEqual([0, 0]);
    expect(Math.max(...exits.map((exit) => exit.at - faultAt))).toBeLessThan(5000);
    const newcomer = await runFfmpegClient(rtspInput(sim.rtspUrl), out('newcomer'), 1).exited;
    expect(newcomer.code).toBe(1);
    expect(sim.stats().rtsp.connectionsRejected).toBeGreaterThan(0);
  });

  it('stall: ffmpeg with -timeout 2000000 gives up within a few seconds', async () => {
    const { rtsp, tcp } = await startStreamingClients('stall', ['-timeout', '2000000']);
    const faultAt = Date.now();
    await sim.setFault('stall');
    const exits = await Promise.all([rtsp.exited, tcp.exited]);
    for (const exit of exits) {
      expect(exit.at - faultAt).toBeLessThan(10_000);
      expect(exit.stderr.join('\n')).toContain('Connection timed out');
    }
    // The simulator hears of a client's exit through its socket a moment later (CI once read 1).
    await waitFor(() => sim.stats().rtsp.clients + sim.stats().tcp.clients === 0, { timeoutMs: 5000, what: 'the stalled clients gone from the simulator' });
  });

  it('lost-bytes on raw TCP: the stream goes on but decodes with errors', async () => {
    await sim.setFault('lost-bytes', { meanIntervalMs: 300, server: 'tcp' });
    const exit = await runFfmpegClient(tcpInput(sim.tcpUrl), out('lost-tcp'), 3).exited;
    expect(exit.code).toBe(0);
    expect(sim.stats().tcp.dropEvents).toBeGreaterThan(0);
    const errors = await decodeErrors(out('lost-tcp'));
    expect(errors.filter((line) => line.startsWith('[h264 @')).length).toBeGreaterThan(0);
  });

  it('lost-bytes on RTSP: the interleaved framing breaks and ffmpeg quits', async () => {
    const { rtsp } = await startStreamingClients('lost-rtsp');
    const tcpDropsBefore = sim.stats().tcp.dropEvents;
    const faultAt = Date.now();
    await sim.setFault('lost-bytes', { meanIntervalMs: 300, server: 'rtsp' });
    const exit = await rtsp.exited;
    expect(exit.at - faultAt).toBeLessThan(15_000); // asked for 30 s
    expect(sim.stats().rtsp.dropEvents).toBeGreaterThan(0);
    expect(sim.stats().tcp.dropEvents).toBe(tcpDropsBefore);
  });

  it('control API: status, faults for one server, and validation', async () => {
    const status = await (await fetch(`${sim.controlUrl}/status`)).json();
    expect(status).toMatchObject({ encoder: { running: true, width: 640, height: 360 }, rtsp: { listening: true }, tcp: { listening: true } });
    const set = await fetch(`${sim.controlUrl}/fault`, { method: 'POST', body: JSON.stringify({ mode: 'refuse', server: 'tcp' }) });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ rtsp: { listening: true, fault: { mode: 'none' } }, tcp: { listening: false, fault: { mode: 'refuse' } } });
    expect(await tryConnect(portOf(sim.tcpUrl))).toBe('ECONNREFUSED');
    const bad = await fetch(`${sim.controlUrl}/fault`, { method: 'POST', body: '{"mode":"melt"}' });
    expect([bad.status, (await bad.json()).error.code]).toEqual([400, 'invalid_fault']);
    expect((await fetch(`${sim.controlUrl}/fault`, { method: 'POST', body: 'x'.repeat(5000) })).status).toBe(400);
    expect((await fetch(`${sim.controlUrl}/`)).status).toBe(404);
    expect(sim.stats().tcp.fault.mode).toBe('refuse');
  });
});

describe('camera simulator lifecycle', () => {
  it('stop() ends the encoder and closes every port', async () => {
    const other = await startCameraSimulator({ width: 320, height: 180, bitrateKbps: 300 });
    const pid = other.stats().encoder.pid!;
    expect(isProcessAlive(pid)).toBe(true);
    await other.stop();
    expect(isProcessAlive(pid)).toBe(false);
    for (const url of [other.rtspUrl, other.tcpUrl, other.controlUrl]) expect(await tryConnect(portOf(url))).toBe('ECONNREFUSED');
    await other.stop(); // twice is fine
  });

  it('fails to start with the reason: a port in use, or an ffmpeg that cannot run', async () => {
    await expect(startCameraSimulator({ rtspPort: portOf(sim.rtspUrl) })).rejects.toThrow('EADDRINUSE');
    await expect(startCameraSimulator({ ffmpegPath: '/nonexistent/ffmpeg' })).rejects.toThrow('spawn /nonexistent/ffmpeg ENOENT');
  });
});
