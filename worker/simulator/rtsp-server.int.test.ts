import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeErrors } from '../../lib/testing/ffmpeg.ts';
import { parseSenderReports } from '../ingest/rtsp/rtcp.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { startCameraSimulator, type CameraSimulator } from './camera-simulator.ts';
import { killFfmpegClients, rtspInput, runFfmpegClient } from './test-ffmpeg-client.ts';
import { RawRtspClient } from './test-rtsp-client.ts';

// The RTSP server's wire behaviour, by hand and through ffmpeg, on a Basic-only camera.
let sim: CameraSimulator;
let dir: string;
let url: string;
const clients: RawRtspClient[] = [];
const auth = { Authorization: `Basic ${Buffer.from('admin:secret').toString('base64')}` };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lookout-rtsp-'));
  sim = await startCameraSimulator({ width: 320, height: 180, bitrateKbps: 400, credentials: { username: 'admin', password: 'secret' }, authScheme: 'basic' });
  url = sim.rtspUrl.replace('admin:secret@', '');
});
afterEach(async () => {
  clients.splice(0).forEach((client) => client.close());
  killFfmpegClients();
  await sim.setFault('none');
});
afterAll(async () => {
  await sim?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function openClient(): Promise<RawRtspClient> {
  const client = await RawRtspClient.open(Number(new URL(url).port));
  clients.push(client);
  return client;
}

const nalTypeOf = (rtp: Buffer) => (rtp[12]! & 0x1f) === 28 ? rtp[13]! & 0x1f : rtp[12]! & 0x1f;

describe('RTSP server on the wire', () => {
  it('plays a session by hand: challenge, SDP, 461 for UDP, then RTP from a keyframe', async () => {
    const client = await openClient();
    const challenge = await client.request('OPTIONS', url);
    expect(challenge.status).toBe(401);
    expect(challenge.headers['www-authenticate']).toEqual(['Basic realm="Lookout"']);
    expect((await client.request('OPTIONS', url, auth)).headers.public).toEqual(['OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER']);

    const sdp = await client.request('DESCRIBE', url, auth);
    const sprop = /sprop-parameter-sets=([^,]+),(\S+)/.exec(sdp.body)!;
    expect(Buffer.from(sprop[1]!, 'base64')[0]! & 0x1f).toBe(7);
    expect(Buffer.from(sprop[2]!, 'base64')[0]! & 0x1f).toBe(8);
    expect(sdp.headers['content-base']).toEqual([`${url}/`]);

    expect((await client.request('SETUP', `${url}/trackID=0`, { ...auth, Transport: 'RTP/AVP;unicast;client_port=6000-6001' })).status).toBe(461);
    const setup = await client.request('SETUP', `${url}/trackID=0`, { ...auth, Transport: 'RTP/AVP/TCP;unicast;interleaved=0-1' });
    const session = setup.headers.session![0]!.split(';')[0]!;
    expect((await client.request('PLAY', `${url}/`, { ...auth, Session: 'WRONG' })).status).toBe(454);
    expect((await client.request('PLAY', `${url}/`, { ...auth, Session: session })).status).toBe(200);

    await waitFor(() => client.packets.filter((packet) => packet.channel === 0).length >= 80, { what: '80 RTP packets' });
    const rtp = client.packets.filter((packet) => packet.channel === 0).map((packet) => packet.data);
    expect(client.packets.every((packet) => packet.channel === 0 || packet.channel === 1)).toBe(true);
    // An RTCP sender report on the RTCP channel with the first frame: the RTP time of that
    // moment (about the first frame's, as the encoder runs in real time) and the wall clock.
    const reports = client.packets.filter((packet) => packet.channel === 1).flatMap((packet) => parseSenderReports(packet.data));
    expect(reports[0]).toMatchObject({ ssrc: rtp[0]!.readUInt32BE(8) });
    expect(Math.abs(((reports[0]!.rtpTimestamp - rtp[0]!.readUInt32BE(4) + 2 ** 31) >>> 0) - 2 ** 31)).toBeLessThan(90_000);
    expect(Math.abs(reports[0]!.ntpMs - Date.now())).toBeLessThan(10_000);
    expect(rtp.every((packet) => packet[0] === 0x80 && (packet[1]! & 0x7f) === 96)).toBe(true);
    expect(rtp.slice(0, 3).map(nalTypeOf)).toEqual([7, 8, 5]); // SPS, PPS, IDR: a clean start
    const sequences = rtp.map((packet) => packet.readUInt16BE(2));
    expect(sequences.every((sequence, i) => i === 0 || sequence === ((sequences[i - 1]! + 1) & 0xffff))).toBe(true);
    const timestamps = rtp.map((packet) => packet.readUInt32BE(4));
    for (let i = 1; i < rtp.length; i++) {
      const step = (timestamps[i]! - timestamps[i - 1]!) >>> 0;
      expect(step % 3600).toBe(0); // 90 kHz at 25 fps
      expect(Boolean(rtp[i - 1]![1]! & 0x80)).toBe(step !== 0); // marker on a frame's last packet
    }

    client.write(Buffer.from([0x24, 1, 0, 8, 0x81, 0xc9, 0, 1, 0, 0, 0, 0])); // an RTCP receiver report
    expect((await client.request('GET_PARAMETER', `${url}/`, { ...auth, Session: session })).status).toBe(200);
    expect((await client.request('TEARDOWN', `${url}/`, { ...auth, Session: session })).status).toBe(200);
  });

  it('answers 404 for another path and 400 to garbage, then hangs up', async () => {
    const client = await openClient();
    expect((await client.request('DESCRIBE', url.replace('/stream', '/other'), auth)).status).toBe(404);
    client.write('HELLO WORLD\r\n\r\n');
    await client.closed;
    expect(client.replies.at(-1)!.status).toBe(400);
  });

  it('slow-start: the first answer comes only after delayMs', async () => {
    await sim.setFault('slow-start', { delayMs: 1500, server: 'rtsp' });
    const client = await openClient();
    const sentAt = Date.now();
    const reply = await client.request('OPTIONS', url, auth);
    expect(reply.status).toBe(200);
    expect(reply.at - sentAt).toBeGreaterThanOrEqual(1400);
  });
});

describe('RTSP server with ffmpeg', () => {
  it('ffmpeg without -rtsp_transport falls back from UDP to TCP after 461, with Basic auth', async () => {
    const exit = await runFfmpegClient(['-i', sim.rtspUrl], join(dir, 'fallback.ts'), 1).exited;
    expect(exit.code).toBe(0);
    expect(await decodeErrors(join(dir, 'fallback.ts'))).toEqual([]);
  });

  it('slow-start longer than -timeout: ffmpeg gives up before the camera speaks', async () => {
    await sim.setFault('slow-start', { delayMs: 8000 });
    const run = runFfmpegClient(rtspInput(sim.rtspUrl, ['-timeout', '1000000']), join(dir, 'slow.ts'), 1);
    const exit = await run.exited;
    expect(exit.code).toBe(1);
    expect(exit.at - run.startedAt).toBeLessThan(6000);
    // ffmpeg 5.1 words a silent handshake like garbage, not like a timeout.
    expect(exit.stderr.join('\n')).toContain('Invalid data found when processing input');
  });
});
