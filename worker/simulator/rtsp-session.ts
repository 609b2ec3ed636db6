import { randomBytes, randomInt } from 'node:crypto';
import { buildSdp } from './build-sdp.ts';
import { LISTEN_HOST } from './fault-aware-server.ts';
import { RtpStream } from './rtp-packets.ts';
import { buildAuthChallenges, checkAuthorization, type AuthScheme, type Credentials } from './rtsp-auth.ts';
import type { RtspRequest } from './rtsp-request-parser.ts';
import type { RtspResponse } from './rtsp-response.ts';
import { buildContentBase, resolveTarget, selectInterleavedTransport, TRACK_CONTROL, type InterleavedTransport, type RtspTarget } from './rtsp-target.ts';

export type ParameterSets = { sps: Buffer; pps: Buffer };
export type SessionContext = {
  path: string;
  credentials?: Credentials;
  authScheme?: AuthScheme;
  rejectsEveryPassword: () => boolean; // the wrong-password fault
  getParameterSets: () => Promise<ParameterSets>;
};
export type SessionState = 'init' | 'ready' | 'playing';

export const SUPPORTED_METHODS = ['OPTIONS', 'DESCRIBE', 'SETUP', 'PLAY', 'TEARDOWN', 'GET_PARAMETER'];
const UNSUPPORTED_METHODS = ['ANNOUNCE', 'PAUSE', 'RECORD', 'REDIRECT', 'SET_PARAMETER'];
export const REALM = 'Lookout';
const SESSION_TIMEOUT_S = 60;

// One RTSP control connection's state machine (RFC 2326 appendix A): init → SETUP →
// ready → PLAY → playing → TEARDOWN → init. No sockets here: requests in, responses out.
export class RtspSession {
  readonly id = randomBytes(8).toString('hex').toUpperCase();
  readonly nonce = randomBytes(16).toString('hex');
  state: SessionState = 'init';
  transport: InterleavedTransport | undefined;
  rtp: RtpStream | undefined;

  constructor(private readonly context: SessionContext) {}

  async handle(request: RtspRequest): Promise<RtspResponse> {
    if (request.headers.cseq === undefined) return { status: 400 };
    if (!this.isAuthorized(request)) {
      return { status: 401, headers: { 'WWW-Authenticate': buildAuthChallenges(this.context.authScheme ?? 'both', REALM, this.nonce) } };
    }
    const target = resolveTarget(request.uri, this.context.path);
    if (target === 'invalid' || (target === 'any' && request.method !== 'OPTIONS')) return { status: 400 };
    if (target === 'elsewhere' && request.method !== 'OPTIONS' && SUPPORTED_METHODS.includes(request.method)) return { status: 404 };
    switch (request.method) {
      case 'OPTIONS':
        return { status: 200, headers: { Public: SUPPORTED_METHODS.join(', ') } };
      case 'DESCRIBE':
        return this.describe(request.uri, target);
      case 'SETUP':
        return this.setup(request);
      case 'PLAY':
        return this.play(request);
      case 'TEARDOWN':
        return this.teardown(request);
      case 'GET_PARAMETER':
        return this.checkSession(request, false) ?? { status: 200, headers: this.sessionHeader(request) };
    }
    if (UNSUPPORTED_METHODS.includes(request.method)) return { status: 405, headers: { Allow: SUPPORTED_METHODS.join(', ') } };
    return { status: 501 };
  }

  private isAuthorized(request: RtspRequest): boolean {
    if (this.context.rejectsEveryPassword()) return false;
    const { credentials, authScheme = 'both' } = this.context;
    if (!credentials) return true;
    return checkAuthorization(request.headers.authorization, credentials, authScheme, { method: request.method, realm: REALM, nonce: this.nonce });
  }

  private async describe(uri: string, target: RtspTarget): Promise<RtspResponse> {
    if (target !== 'stream') return { status: 404 };
    const parameterSets = await this.context.getParameterSets().catch(() => undefined);
    if (!parameterSets) return { status: 503 };
    const body = buildSdp({ ...parameterSets, sessionId: String(Date.now()), serverAddress: LISTEN_HOST, trackControl: TRACK_CONTROL });
    return { status: 200, headers: { 'Content-Type': 'application/sdp', 'Content-Base': buildContentBase(uri) }, body };
  }

  private setup(request: RtspRequest): RtspResponse {
    if (request.headers.session !== undefined && this.checkSession(request, true)) return { status: 454 };
    if (this.state === 'playing') return { status: 455, headers: { Allow: 'PLAY, TEARDOWN, GET_PARAMETER' } };
    const transport = selectInterleavedTransport(request.headers.transport);
    if (!transport) return { status: 461 };
    this.transport = transport;
    this.rtp = new RtpStream(randomInt(2 ** 32), randomInt(2 ** 16), randomInt(2 ** 32));
    this.state = 'ready';
    const ssrc = this.rtp.ssrc.toString(16).padStart(8, '0').toUpperCase();
    return {
      status: 200,
      headers: {
        Transport: `RTP/AVP/TCP;unicast;interleaved=${transport.rtpChannel}-${transport.rtcpChannel};ssrc=${ssrc};mode="PLAY"`,
        Session: `${this.id};timeout=${SESSION_TIMEOUT_S}`,
      },
    };
  }

  private play(request: RtspRequest): RtspResponse {
    const refused = this.checkSession(request, true);
    if (refused) return refused;
    this.state = 'playing';
    return { status: 200, headers: { Session: this.id, Range: 'npt=0.000-' } };
  }

  private teardown(request: RtspRequest): RtspResponse {
    const refused = this.checkSession(request, true);
    if (refused) return refused;
    this.state = 'init';
    this.transport = undefined;
    this.rtp = undefined;
    return { status: 200, headers: { Session: this.id } };
  }

  // No Session header before any SETUP: the method comes too early (455). A header that
  // names another session, or any session before SETUP made one: 454.
  private checkSession(request: RtspRequest, required: boolean): RtspResponse | undefined {
    const given = request.headers.session?.split(';')[0]?.trim();
    if (given === undefined) {
      if (!required) return undefined;
      return this.state === 'init' ? { status: 455, headers: { Allow: 'OPTIONS, DESCRIBE, SETUP' } } : { status: 454 };
    }
    return given === this.id && this.state !== 'init' ? undefined : { status: 454 };
  }

  private sessionHeader(request: RtspRequest): Record<string, string> {
    return request.headers.session === undefined ? {} : { Session: this.id };
  }
}
