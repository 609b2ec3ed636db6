import { setTimeout as delay } from 'node:timers/promises';
import { withParameterSets } from '../../lib/h264/access-units.ts';
import type { ClientConnection } from './client-connection.ts';
import { FaultAwareServer } from './fault-aware-server.ts';
import type { EncodedFrame, H264Encoder } from './h264-encoder.ts';
import { buildSenderReport } from '../ingest/rtsp/rtcp.ts';
import { frameInterleaved } from './rtp-packets.ts';
import type { AuthScheme, Credentials } from './rtsp-auth.ts';
import { RtspParseError, RtspRequestParser, type RtspRequest } from './rtsp-request-parser.ts';
import { formatRtspResponse } from './rtsp-response.ts';
import { RtspSession } from './rtsp-session.ts';

export type RtspServerOptions = {
  port: number;
  encoder: H264Encoder;
  path: string;
  credentials?: Credentials;
  authScheme?: AuthScheme;
  clockOffsetMs?: number; // the camera's wall clock minus the true time, in its sender reports
};

type Player = { connection: ClientConnection; session: RtspSession; lastReportAt?: number };
type CaptureClock = (nowMs: number) => number; // the encoder's 90 kHz time at this moment

const SENDER_REPORT_INTERVAL_MS = 5_000; // as GStreamer's rtpbin does, about

// RTSP 1.0 with RTP interleaved on the control connection (RFC 2326 section 10.12), as IP
// cameras serve it to clients that ask for TCP. Every byte goes through ClientConnection.
export function createRtspServer({ port, encoder, path, credentials, authScheme, clockOffsetMs = 0 }: RtspServerOptions): FaultAwareServer {
  const players = new Set<Player>();
  const server: FaultAwareServer = new FaultAwareServer(port, (connection) => {
    const session = new RtspSession({
      path,
      credentials,
      authScheme,
      rejectsEveryPassword: () => server.currentFault.mode === 'wrong-password',
      getParameterSets: async () => {
        await encoder.firstKeyframe;
        return { sps: encoder.sps!, pps: encoder.pps! };
      },
    });
    const player: Player = { connection, session };
    serveRequests(connection, session, () => (session.state === 'playing' ? players.add(player) : players.delete(player)));
    connection.socket.on('close', () => players.delete(player));
  });
  // The camera's capture clock: the encoder's PTS runs on from the first frame's arrival.
  let origin: { ms: number; pts: number } | undefined;
  const captureClock: CaptureClock = (nowMs) => Math.round(origin!.pts + (nowMs - origin!.ms) * 90);
  encoder.onFrame((frame) => {
    origin ??= { ms: Date.now(), pts: frame.pts };
    for (const player of players) sendFrame(player, frame, encoder, captureClock, clockOffsetMs);
  });
  return server;
}

function serveRequests(connection: ClientConnection, session: RtspSession, afterResponse: () => void): void {
  const parser = new RtspRequestParser();
  let queue = Promise.resolve();
  let broken = false;
  const answer = async (request: RtspRequest) => {
    const hold = connection.holdRemainingMs();
    if (hold > 0) await delay(hold); // slow-start: the camera says nothing for a while
    const response = await session.handle(request).catch(() => ({ status: 500 }));
    connection.write(formatRtspResponse(request.headers.cseq, response));
    afterResponse(); // media only after the PLAY answer is on its way
  };
  connection.socket.on('data', (chunk: Buffer) => {
    if (broken) return;
    try {
      for (const request of parser.push(chunk)) queue = queue.then(() => answer(request));
    } catch (error) {
      if (!(error instanceof RtspParseError)) throw error;
      broken = true; // framing is lost: answer once, then hang up
      queue = queue.then(() => {
        connection.write(formatRtspResponse(undefined, { status: 400 }));
        connection.socket.end();
      });
    }
  });
}

// Each frame's RTP packets, and every 5 s an RTCP sender report (RFC 3550 6.4.1): the RTP
// time of this moment and the camera's wall clock (off by clockOffsetMs), as cameras send them.
function sendFrame(player: Player, frame: EncodedFrame, encoder: H264Encoder, captureClock: CaptureClock, clockOffsetMs: number): void {
  const { connection, session } = player;
  const { rtp, transport } = session;
  if (!rtp || !transport || !connection.acceptsFrame(frame.keyframe)) return;
  const packets = rtp.packetizeFrame(withParameterSets(frame, encoder.sps, encoder.pps), rtp.rtpTime(frame.pts));
  connection.socket.cork();
  for (const packet of packets) connection.write(frameInterleaved(transport.rtpChannel, packet));
  const now = Date.now();
  if (player.lastReportAt === undefined || now - player.lastReportAt >= SENDER_REPORT_INTERVAL_MS) {
    player.lastReportAt = now;
    const report = buildSenderReport({ ssrc: rtp.ssrc, ntpMs: now + clockOffsetMs, rtpTimestamp: rtp.rtpTime(captureClock(now)) });
    connection.write(frameInterleaved(transport.rtcpChannel, report));
  }
  process.nextTick(() => connection.socket.uncork());
}
