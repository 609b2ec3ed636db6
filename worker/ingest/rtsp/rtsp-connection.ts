import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { Authenticator, parseChallenges, type Credentials } from './auth.ts';
import { InterleavedReader, type ReaderEvent, type RtspResponse } from './interleaved-reader.ts';
import { describeSocketError, RtspError } from './rtsp-errors.ts';

export type ConnectionOptions = { url: URL; credentials: Credentials | undefined; timeoutMs: number; onMedia: (event: ReaderEvent) => void };

const USER_AGENT = 'Lookout';
const UNANSWERED_MS = 10_000;

// One RTSP control connection: requests matched to responses by CSeq, authentication on a
// 401, and the I/O timeout (no byte from the camera for timeoutMs ends it). Media events
// are handed on as the reader produces them. `closed` resolves with why it ended.
export class RtspConnection {
  readonly reader = new InterleavedReader();
  readonly closed: Promise<RtspError>;
  bytesReceived = 0;
  private readonly waiting = new Map<number, (response: RtspResponse) => void>();
  private cseq = 0;
  private authenticator: Authenticator | undefined;
  private lastDataAt = Date.now();
  private idleTimer: NodeJS.Timeout;
  private end: (error: RtspError) => void = () => {};

  private constructor(private readonly socket: Socket, private readonly options: ConnectionOptions) {
    this.closed = new Promise((resolve) => (this.end = resolve));
    socket.on('data', (chunk: Buffer) => this.read(chunk));
    socket.on('error', (error) => this.close(describeSocketError(error)));
    socket.on('close', () => this.close(new RtspError('the camera closed the connection')));
    this.idleTimer = setInterval(() => this.checkIdle(), Math.min(1000, options.timeoutMs / 4));
  }

  static open(options: ConnectionOptions): Promise<RtspConnection> {
    const { url, timeoutMs } = options;
    const secure = url.protocol === 'rtsps:';
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const port = Number(url.port) || (secure ? 322 : 554);
    return new Promise((resolve, reject) => {
      // Cameras serve self-signed certificates; like ffmpeg's default, the certificate is not verified.
      const socket = secure ? connectTls({ host, port, servername: host, rejectUnauthorized: false }) : connectTcp({ host, port });
      const timer = setTimeout(() => fail(new RtspError('timeout: the camera did not answer')), timeoutMs);
      const fail = (error: RtspError) => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      };
      socket.once('error', (error) => fail(describeSocketError(error)));
      socket.once(secure ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        socket.setNoDelay(true);
        resolve(new RtspConnection(socket, options));
      });
    });
  }

  // Sends a request and waits for its response; a 401 is answered once with the credentials.
  async request(method: string, uri: string, headers: Record<string, string> = {}): Promise<RtspResponse> {
    let response = await this.exchange(method, uri, headers);
    if (response.status === 401 && this.renewIfStale(response)) response = await this.exchange(method, uri, headers);
    if (response.status === 401) {
      if (this.authenticator) throw new RtspError('wrong camera password or user name');
      const challenge = parseChallenges(response.headers.get('www-authenticate') ?? [])[0];
      if (!this.options.credentials) throw new RtspError('the camera asks for a user name and password, and none is configured');
      if (!challenge) throw new RtspError('the camera asks for a login this client does not know (no Basic or Digest)');
      this.authenticator = new Authenticator(this.options.credentials, challenge);
      response = await this.exchange(method, uri, headers);
      if (response.status === 401) throw new RtspError('wrong camera password or user name');
    }
    if (response.status !== 200) throw new RtspError(`camera answered ${response.status} ${response.reason} to ${method}`.trim());
    return response;
  }

  // A request whose answer nobody waits for (keepalive, TEARDOWN): the lost-bytes bug may eat
  // it. Only an expired Digest nonce is acted on: the request goes again with the new one.
  send(method: string, uri: string, headers: Record<string, string> = {}): void {
    const cseq = this.write(method, uri, headers);
    this.waiting.set(cseq, (response) => {
      if (response.status === 401 && this.renewIfStale(response)) this.write(method, uri, headers);
    });
    setTimeout(() => this.waiting.delete(cseq), UNANSWERED_MS).unref(); // an answer lost with the bytes
  }

  // RFC 2617 `stale=true`: the password was right, the nonce has expired (cameras rotate them).
  private renewIfStale(response: RtspResponse): boolean {
    const challenge = parseChallenges(response.headers.get('www-authenticate') ?? [])[0];
    if (!this.authenticator || !this.options.credentials || challenge?.scheme !== 'digest' || challenge.params.stale?.toLowerCase() !== 'true') return false;
    this.authenticator = new Authenticator(this.options.credentials, challenge);
    return true;
  }

  // end() lets a TEARDOWN written just before reach the camera; destroy() follows regardless.
  close(reason = new RtspError('stopped')): void {
    clearInterval(this.idleTimer);
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1000).unref();
    this.end(reason);
    for (const [cseq] of this.waiting) this.waiting.delete(cseq);
  }

  private exchange(method: string, uri: string, headers: Record<string, string>): Promise<RtspResponse> {
    const cseq = this.write(method, uri, headers);
    return new Promise((resolve, reject) => {
      this.waiting.set(cseq, resolve);
      void this.closed.then((reason) => reject(reason));
    });
  }

  private write(method: string, uri: string, headers: Record<string, string>): number {
    const cseq = ++this.cseq;
    const all: Record<string, string> = { CSeq: String(cseq), 'User-Agent': USER_AGENT, ...headers };
    if (this.authenticator) all.Authorization = this.authenticator.header(method, uri);
    const lines = [`${method} ${uri} RTSP/1.0`, ...Object.entries(all).map(([name, value]) => `${name}: ${value}`)];
    if (!this.socket.destroyed) this.socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    return cseq;
  }

  private read(chunk: Buffer): void {
    this.lastDataAt = Date.now();
    this.bytesReceived += chunk.length;
    for (const event of this.reader.push(chunk)) {
      if (event.type !== 'response') this.options.onMedia(event);
      else {
        const cseq = Number(event.response.headers.get('cseq')?.[0]);
        this.waiting.get(cseq)?.(event.response);
        this.waiting.delete(cseq);
      }
    }
  }

  private checkIdle(): void {
    const silentMs = Date.now() - this.lastDataAt;
    if (silentMs < this.options.timeoutMs) return;
    const seconds = Math.round(silentMs / 1000);
    this.close(new RtspError(this.bytesReceived === 0 ? 'timeout: the camera did not answer' : `camera stopped sending (nothing for ${seconds} s)`));
  }
}
