import { describe, expect, it } from 'vitest';
import type { RtspRequest } from './rtsp-request-parser.ts';
import { formatRtspResponse } from './rtsp-response.ts';
import { RtspSession, type SessionContext } from './rtsp-session.ts';

const URL = 'rtsp://127.0.0.1:8554/stream';
const TRACK = `${URL}/trackID=0`;
const TCP = 'RTP/AVP/TCP;unicast;interleaved=0-1';
const parameterSets = { sps: Buffer.from('6742c01e', 'hex'), pps: Buffer.from('68ce3c80', 'hex') };
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

let cseq = 0;
function request(method: string, uri: string, headers: Record<string, string> = {}): RtspRequest {
  return { method, uri, headers: { cseq: String(++cseq), ...headers }, body: '' };
}

function createSession(context: Partial<SessionContext> = {}): RtspSession {
  return new RtspSession({ path: '/stream', rejectsEveryPassword: () => false, getParameterSets: async () => parameterSets, ...context });
}

async function playSession(session: RtspSession): Promise<void> {
  await session.handle(request('SETUP', TRACK, { transport: TCP }));
  expect((await session.handle(request('PLAY', URL, { session: session.id }))).status).toBe(200);
}

describe('RtspSession: the way ffmpeg goes', () => {
  it('answers OPTIONS, DESCRIBE, SETUP, PLAY, GET_PARAMETER and TEARDOWN', async () => {
    const session = createSession();
    expect(await session.handle(request('OPTIONS', URL))).toEqual({ status: 200, headers: { Public: 'OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER' } });

    const described = await session.handle(request('DESCRIBE', URL, { accept: 'application/sdp' }));
    expect(described.status).toBe(200);
    expect(described.headers).toEqual({ 'Content-Type': 'application/sdp', 'Content-Base': `${URL}/` });
    expect(described.body).toContain('sprop-parameter-sets=Z0LAHg==,aM48gA==');

    const setup = await session.handle(request('SETUP', TRACK, { transport: TCP }));
    expect(setup.status).toBe(200);
    expect(setup.headers?.Session).toBe(`${session.id};timeout=60`);
    expect(setup.headers?.Transport).toMatch(/^RTP\/AVP\/TCP;unicast;interleaved=0-1;ssrc=[0-9A-F]{8};mode="PLAY"$/);
    expect(session.state).toBe('ready');

    expect(await session.handle(request('PLAY', `${URL}/`, { session: session.id, range: 'npt=0.000-' }))).toEqual({ status: 200, headers: { Session: session.id, Range: 'npt=0.000-' } });
    expect(session.state).toBe('playing');
    expect((await session.handle(request('GET_PARAMETER', `${URL}/`, { session: session.id }))).status).toBe(200);
    expect((await session.handle(request('TEARDOWN', `${URL}/`, { session: session.id }))).status).toBe(200);
    expect(session.state).toBe('init');
    expect(session.rtp).toBeUndefined();
  });

  it('serves the channels the client asks for', async () => {
    const session = createSession();
    const setup = await session.handle(request('SETUP', TRACK, { transport: 'RTP/AVP/TCP;unicast;interleaved=6-7' }));
    expect(setup.headers?.Transport).toContain('interleaved=6-7');
    expect(session.transport).toEqual({ rtpChannel: 6, rtcpChannel: 7 });
  });
});

describe('RtspSession: errors', () => {
  it('400 without CSeq, for a relative URI, and for * outside OPTIONS', async () => {
    const session = createSession();
    expect((await session.handle({ method: 'OPTIONS', uri: URL, headers: {}, body: '' })).status).toBe(400);
    expect((await session.handle(request('DESCRIBE', '/stream'))).status).toBe(400);
    expect((await session.handle(request('DESCRIBE', '*'))).status).toBe(400);
    expect((await session.handle(request('OPTIONS', '*'))).status).toBe(200);
  });

  it('404 for another path, on every method but OPTIONS', async () => {
    const session = createSession();
    for (const method of ['DESCRIBE', 'SETUP', 'PLAY', 'TEARDOWN', 'GET_PARAMETER']) {
      expect((await session.handle(request(method, 'rtsp://127.0.0.1:8554/nope', { transport: TCP }))).status, method).toBe(404);
    }
    expect((await session.handle(request('DESCRIBE', TRACK))).status).toBe(404);
    expect((await session.handle(request('OPTIONS', 'rtsp://127.0.0.1:8554/nope'))).status).toBe(200);
  });

  it('461 for UDP and multicast, and stays in init', async () => {
    const session = createSession();
    expect((await session.handle(request('SETUP', TRACK, { transport: 'RTP/AVP;unicast;client_port=5000-5001' }))).status).toBe(461);
    expect((await session.handle(request('SETUP', TRACK, { transport: 'RTP/AVP;multicast' }))).status).toBe(461);
    expect((await session.handle(request('SETUP', TRACK))).status).toBe(461);
    expect(session.state).toBe('init');
  });

  it('455 for PLAY or TEARDOWN before SETUP, and for SETUP while playing', async () => {
    const session = createSession();
    expect((await session.handle(request('PLAY', URL))).status).toBe(455);
    expect((await session.handle(request('TEARDOWN', URL))).status).toBe(455);
    await playSession(session);
    expect((await session.handle(request('SETUP', TRACK, { transport: TCP, session: session.id }))).status).toBe(455);
  });

  it('454 for a session that does not exist or is not named', async () => {
    const session = createSession();
    expect((await session.handle(request('PLAY', URL, { session: 'DEADBEEF' }))).status).toBe(454);
    await session.handle(request('SETUP', TRACK, { transport: TCP }));
    expect((await session.handle(request('PLAY', URL, { session: 'DEADBEEF' }))).status).toBe(454);
    expect((await session.handle(request('PLAY', URL))).status).toBe(454);
    expect((await session.handle(request('GET_PARAMETER', URL, { session: 'DEADBEEF' }))).status).toBe(454);
    expect((await session.handle(request('TEARDOWN', URL, { session: 'DEADBEEF' }))).status).toBe(454);
    expect((await session.handle(request('SETUP', TRACK, { transport: TCP, session: 'DEADBEEF' }))).status).toBe(454);
    expect(session.state).toBe('ready');
    expect((await session.handle(request('PLAY', URL, { session: `${session.id};timeout=60` }))).status).toBe(200);
  });

  it('405 for RTSP methods a camera does not serve, 501 for unknown ones', async () => {
    const session = createSession();
    expect(await session.handle(request('RECORD', URL))).toMatchObject({ status: 405, headers: { Allow: expect.stringContaining('DESCRIBE') } });
    expect((await session.handle(request('PAUSE', URL))).status).toBe(405);
    expect((await session.handle(request('BREW', URL))).status).toBe(501);
  });

  it('503 on DESCRIBE when the encoder never produced parameter sets', async () => {
    const session = createSession({ getParameterSets: () => Promise.reject(new Error('encoder died')) });
    expect((await session.handle(request('DESCRIBE', URL))).status).toBe(503);
  });
});

describe('RtspSession: credentials', () => {
  const credentials = { username: 'admin', password: 'secret' };

  it('401 with both challenges when the Authorization header is missing or wrong', async () => {
    const session = createSession({ credentials });
    for (const authorization of [undefined, basic('admin', 'nope')]) {
      const response = await session.handle(request('OPTIONS', URL, authorization ? { authorization } : {}));
      expect(response).toEqual({ status: 401, headers: { 'WWW-Authenticate': [`Digest realm="Lookout", nonce="${session.nonce}"`, 'Basic realm="Lookout"'] } });
    }
    expect((await session.handle(request('DESCRIBE', URL, { authorization: basic('admin', 'secret') }))).status).toBe(200);
  });

  it('offers only the configured scheme', async () => {
    const session = createSession({ credentials, authScheme: 'digest' });
    const response = await session.handle(request('OPTIONS', URL, { authorization: basic('admin', 'secret') }));
    expect(response.headers?.['WWW-Authenticate']).toEqual([`Digest realm="Lookout", nonce="${session.nonce}"`]);
  });

  it('wrong-password fault: 401 to everything, right credentials or none', async () => {
    let rejecting = true;
    const session = createSession({ credentials, rejectsEveryPassword: () => rejecting });
    expect((await session.handle(request('OPTIONS', URL, { authorization: basic('admin', 'secret') }))).status).toBe(401);
    expect((await createSession({ rejectsEveryPassword: () => true }).handle(request('OPTIONS', URL))).status).toBe(401);
    rejecting = false;
    expect((await session.handle(request('OPTIONS', URL, { authorization: basic('admin', 'secret') }))).status).toBe(200);
  });
});

describe('formatRtspResponse', () => {
  it('echoes CSeq, repeats list headers and adds Content-Length for a body', () => {
    const text = formatRtspResponse('7', { status: 401, headers: { 'WWW-Authenticate': ['Digest a', 'Basic b'] }, body: 'ü' });
    expect(text).toBe('RTSP/1.0 401 Unauthorized\r\nCSeq: 7\r\nServer: Lookout camera simulator\r\nWWW-Authenticate: Digest a\r\nWWW-Authenticate: Basic b\r\nContent-Length: 2\r\n\r\nü');
  });

  it('leaves CSeq out when the request had none', () => {
    expect(formatRtspResponse(undefined, { status: 400 })).toBe('RTSP/1.0 400 Bad Request\r\nServer: Lookout camera simulator\r\n\r\n');
  });
});
