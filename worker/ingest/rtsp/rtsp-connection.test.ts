import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, describe, expect, it } from 'vitest';
import { RtspConnection } from './rtsp-connection.ts';

type Request = { method: string; cseq: string; authorization: string | undefined };
type Answer = (request: Request) => { status: string; headers?: string[] };

// A scripted camera: answers each request on 127.0.0.1 as `answer` says, and records them.
async function scriptedCamera(answer: Answer, tls?: { key: Buffer; cert: Buffer }): Promise<{ url: URL; requests: Request[]; server: Server }> {
  const requests: Request[] = [];
  const serve = (socket: Socket) => {
    let pending = '';
    socket.on('data', (chunk) => {
      pending += chunk.toString('latin1');
      let end;
      while ((end = pending.indexOf('\r\n\r\n')) !== -1) {
        const [line = '', ...fields] = pending.slice(0, end).split('\r\n');
        pending = pending.slice(end + 4);
        const header = (name: string) => fields.find((f) => f.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim();
        const request = { method: line.split(' ')[0]!, cseq: header('cseq') ?? '', authorization: header('authorization') };
        requests.push(request);
        const { status, headers = [] } = answer(request);
        socket.write([`RTSP/1.0 ${status}`, `CSeq: ${request.cseq}`, ...headers, '', ''].join('\r\n'));
      }
    });
  };
  const server = tls ? createTlsServer(tls, serve) : createServer(serve);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: new URL(`${tls ? 'rtsps' : 'rtsp'}://127.0.0.1:${port}/stream`), requests, server };
}

const challenge = (nonce: string, stale = false) => [`WWW-Authenticate: Digest realm="cam", nonce="${nonce}"${stale ? ', stale=TRUE' : ''}`];
const nonceOf = (request: Request) => /nonce="([^"]+)"/.exec(request.authorization ?? '')?.[1];

// Answers with the current nonce; `rotate()` expires it, as cameras do every few minutes.
function rotatingNonces(options: { stale: boolean }) {
  let nonce = 'n1';
  const answer: Answer = (request) => (nonceOf(request) === nonce ? { status: '200 OK' } : { status: '401 Unauthorized', headers: challenge(nonce, options.stale && request.authorization !== undefined) });
  return { answer, rotate: () => (nonce = 'n2') };
}

let connection: RtspConnection | undefined;
let server: Server | undefined;
afterEach(() => {
  connection?.close();
  server?.close();
});

async function open(answer: Answer, tls?: { key: Buffer; cert: Buffer }) {
  const camera = await scriptedCamera(answer, tls);
  server = camera.server;
  connection = await RtspConnection.open({ url: camera.url, credentials: { username: 'admin', password: 'secret' }, timeoutMs: 5000, onMedia: () => {} });
  return { connection, requests: camera.requests, uri: camera.url.href };
}

describe('RtspConnection authentication', () => {
  it('logs in with Digest after a 401', async () => {
    const { connection, requests, uri } = await open(rotatingNonces({ stale: true }).answer);
    await expect(connection.request('OPTIONS', uri)).resolves.toMatchObject({ status: 200 });
    expect(requests.map(nonceOf)).toEqual([undefined, 'n1']);
  });

  it('answers an expired nonce (stale=true) with the new one instead of giving up', async () => {
    const nonces = rotatingNonces({ stale: true });
    const { connection, requests, uri } = await open(nonces.answer);
    await connection.request('OPTIONS', uri);
    nonces.rotate();
    await expect(connection.request('DESCRIBE', uri)).resolves.toMatchObject({ status: 200 });
    expect(requests.map(nonceOf)).toEqual([undefined, 'n1', 'n1', 'n2']);
  });

  it('renews the nonce for a keepalive nobody waits for, and resends it', async () => {
    const nonces = rotatingNonces({ stale: true });
    const { connection, requests, uri } = await open(nonces.answer);
    await connection.request('OPTIONS', uri);
    nonces.rotate();
    connection.send('GET_PARAMETER', uri, { Session: '1' });
    await expect.poll(() => requests.map((r) => `${r.method} ${nonceOf(r)}`)).toEqual(['OPTIONS undefined', 'OPTIONS n1', 'GET_PARAMETER n1', 'GET_PARAMETER n2']);
  });

  it('calls a 401 without stale=true after logging in a wrong password', async () => {
    const nonces = rotatingNonces({ stale: false });
    const { connection, uri } = await open(nonces.answer);
    await connection.request('OPTIONS', uri);
    nonces.rotate();
    await expect(connection.request('DESCRIBE', uri)).rejects.toThrow('wrong camera password or user name');
  });
});

describe('RtspConnection over TLS (rtsps://)', () => {
  it('talks RTSP to a camera with a self-signed certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lookout-rtsps-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=camera'], { stdio: 'ignore' });
    const tls = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    const { connection, requests, uri } = await open(rotatingNonces({ stale: true }).answer, tls);
    expect(uri).toMatch(/^rtsps:/);
    await expect(connection.request('OPTIONS', uri)).resolves.toMatchObject({ status: 200 });
    expect(requests.map(nonceOf)).toEqual([undefined, 'n1']);
  });
});
