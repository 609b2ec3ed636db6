import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../lib/config/load-config.ts';
import { buildIngestArgs } from './build-ingest-args.ts';
import { FfmpegProcess } from './ffmpeg-process.ts';
import { buildSourceScript } from './source-script.ts';
import { hintForStderr } from './stderr-hints.ts';

const PASSWORD = "it's:Sup3r"; // a quote for the ffconcat quoting, a colon for the URL encoding

// A camera that challenges for Basic auth and holds its answer to the authorised DESCRIBE
// until released: ffmpeg is alive and holds the credentials while its cmdline is read.
async function startChallengingCamera() {
  let authorization: (value: string) => void = () => {};
  const authorised = new Promise<string>((resolve) => (authorization = resolve));
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = createServer((socket: Socket) => {
    let buffered = '';
    socket.on('error', () => {});
    socket.on('data', async (chunk) => {
      buffered += chunk.toString('latin1');
      let end: number;
      while ((end = buffered.indexOf('\r\n\r\n')) >= 0) {
        const request = buffered.slice(0, end);
        buffered = buffered.slice(end + 4);
        const cseq = /^CSeq:\s*(\d+)/im.exec(request)?.[1] ?? '0';
        const auth = /^Authorization:\s*(.+)$/im.exec(request)?.[1];
        if (request.startsWith('OPTIONS')) socket.write(`RTSP/1.0 200 OK\r\nCSeq: ${cseq}\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY\r\n\r\n`);
        else if (auth) {
          authorization(auth);
          await released;
          socket.write(`RTSP/1.0 401 Unauthorized\r\nCSeq: ${cseq}\r\n\r\n`);
        } else socket.write(`RTSP/1.0 401 Unauthorized\r\nCSeq: ${cseq}\r\nWWW-Authenticate: Basic realm="camera"\r\n\r\n`);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, authorised, release, port: (server.address() as AddressInfo).port };
}

let camera: Awaited<ReturnType<typeof startChallengingCamera>> | undefined;
afterAll(() => {
  camera?.release();
  camera?.server.close();
});

describe('credentials on fd 3', () => {
  it('reach the camera but never the command line', async () => {
    camera = await startChallengingCamera();
    const source = `rtsp://admin:${encodeURIComponent(PASSWORD)}@127.0.0.1:${camera.port}/stream1`;
    const cam = parseConfig({ cameras: [{ id: 'cam', name: 'Cam', source, timeoutSeconds: 5 }] }).cameras[0]!;
    const stderr: string[] = [];
    const args = buildIngestArgs(cam, { stagingDir: mkdtempSync(join(tmpdir(), 'lookout-fd3-')), runId: 'r' });
    const ffmpeg = new FfmpegProcess('ffmpeg', args, { onStdout: () => {}, onStderr: (line) => stderr.push(line) }, buildSourceScript(cam));

    const authorization = await camera.authorised;
    expect(Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString()).toBe(`admin:${PASSWORD}`);
    const cmdline = readFileSync(`/proc/${ffmpeg.pid}/cmdline`, 'utf8').split('\0');
    expect(cmdline[0]).toMatch(/ffmpeg$/); // setpriv has exec'd ffmpeg under the same pid
    expect(cmdline).toContain('async:pipe:3');
    for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), 'admin:', "it's"]) expect(cmdline.join(' ')).not.toContain(secret);

    camera.release();
    await ffmpeg.exited;
    expect(stderr.map(hintForStderr)).toContain('wrong camera password or user name');
  });
});
