import type { Writable } from 'node:stream';
import type { Camera } from '../../../lib/cameras.ts';
import type { Logger } from '../../../lib/log.ts';
import { credentialsFromUrl } from './auth.ts';
import { IngestFeed } from '../feed/ingest-feed.ts';
import { H264Depacketizer, type AccessUnit } from './h264-depacketizer.ts';
import type { ReaderEvent } from './interleaved-reader.ts';
import { parseSenderReports } from './rtcp.ts';
import { RtspConnection } from './rtsp-connection.ts';
import { RtspError } from './rtsp-errors.ts';
import { parseH264Track, SdpError } from './sdp.ts';

export type RtspSourceStats = { packets: number; losses: number; discardedUnits: number; bytesPerSecond: number };

const RTP_CHANNEL = 0;
const RTCP_CHANNEL = 1;
const DEFAULT_SESSION_TIMEOUT_S = 60;

// Lookout's own RTSP-over-TCP client: plays one camera and hands its access units, with
// their RTP timestamps, to an IngestFeed that writes them into `output` (ffmpeg's stdin). Unlike ffmpeg's client it survives the
// lost-bytes bug: the reader resyncs, the depacketizer waits for the next IDR. `ended`
// resolves with the hint for the health view once the session is over, for whatever reason.
export class RtspSource {
  readonly ended: Promise<string>;
  private connection: RtspConnection | undefined;
  private depacketizer = new H264Depacketizer();
  private keepalive: NodeJS.Timeout | undefined;
  private session: string | undefined;
  private controlUrl = '';
  private stopped = false;
  private readonly startedAt = Date.now();
  private packets = 0;
  private ssrc: number | undefined;
  private finish: (hint: string) => void = () => {};

  readonly feed: IngestFeed;

  // maxQueuedBytes: ffmpeg this far behind skips to the next IDR (default about 4 s at 4 Mbit/s).
  constructor(private readonly camera: Camera, private readonly output: Writable, private readonly log: Logger, maxQueuedBytes?: number) {
    this.feed = new IngestFeed(output, { frameRate: camera.frameRate, maxQueuedBytes });
    this.ended = new Promise((resolve) => (this.finish = resolve));
    void this.run().then(
      (hint) => this.end(hint),
      (error: unknown) => this.end(error instanceof RtspError || error instanceof SdpError ? error.message : `RTSP client failed: ${(error as Error).message}`),
    );
  }

  stats(): RtspSourceStats {
    const seconds = Math.max(1, (Date.now() - this.startedAt) / 1000);
    const losses = (this.connection?.reader.losses ?? 0) + this.depacketizer.sequenceGaps;
    return { packets: this.packets, losses, discardedUnits: this.depacketizer.discardedUnits + this.feed.stats.droppedFrames, bytesPerSecond: Math.round((this.connection?.bytesReceived ?? 0) / seconds) };
  }

  // Losses and frames left out so far: any means a segment may be missing frames.
  get framesMissing(): number {
    const { losses, discardedUnits } = this.stats();
    return losses + discardedUnits;
  }

  // What the camera sent once it streamed: a session that never got to RTP (a refused login,
  // say) sent no video at all, and its own RTSP error is the hint, not the stream's.
  get bytesReceived(): number {
    return this.packets === 0 ? 0 : (this.connection?.bytesReceived ?? 0);
  }

  // TEARDOWN as a courtesy (the camera may be gone), then close.
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.connection && this.session) this.connection.send('TEARDOWN', this.controlUrl, { Session: this.session });
    this.connection?.close();
  }

  private async run(): Promise<string> {
    const url = new URL(this.camera.sourceUrl);
    const credentials = credentialsFromUrl(url.toString());
    url.username = '';
    url.password = '';
    const requestUrl = url.toString();
    const connection = await RtspConnection.open({ url, credentials, timeoutMs: this.camera.timeoutSeconds * 1000, onMedia: (event) => this.handleMedia(event) });
    this.connection = connection;
    if (this.stopped) connection.close();

    const options = await connection.request('OPTIONS', requestUrl);
    const described = await connection.request('DESCRIBE', requestUrl, { Accept: 'application/sdp' });
    const header = (name: string) => described.headers.get(name)?.[0];
    const track = parseH264Track(described.body, { contentBase: header('content-base'), contentLocation: header('content-location'), requestUrl });
    this.depacketizer = new H264Depacketizer(track.parameterSets);
    this.controlUrl = track.controlUrl;

    const setup = await connection.request('SETUP', track.controlUrl, { Transport: `RTP/AVP/TCP;unicast;interleaved=${RTP_CHANNEL}-${RTCP_CHANNEL}` });
    const transport = parseTransport(setup.headers.get('transport')?.[0] ?? '');
    const [session = '', ...sessionParams] = (setup.headers.get('session')?.[0] ?? '').split(';').map((s) => s.trim());
    this.session = session;
    connection.reader.expectMedia({ rtpChannel: transport.rtpChannel, rtcpChannel: transport.rtcpChannel, payloadType: track.payloadType, ssrc: transport.ssrc });
    await connection.request('PLAY', header('content-base') ?? requestUrl, { Session: session, Range: 'npt=0.000-' });
    this.log.info(`rtsp: playing ${this.camera.publicSource} (payload type ${track.payloadType})`);

    const timeoutS = Number(/^timeout=(\d+)/.exec(sessionParams.find((p) => p.startsWith('timeout=')) ?? '')?.[1]) || DEFAULT_SESSION_TIMEOUT_S;
    const method = (options.headers.get('public')?.join(',') ?? '').toUpperCase().includes('GET_PARAMETER') ? 'GET_PARAMETER' : 'OPTIONS';
    this.keepalive = setInterval(() => connection.send(method, requestUrl, { Session: session }), (timeoutS * 1000) / 2);
    return (await connection.closed).message;
  }

  private handleMedia(event: ReaderEvent): void {
    if (event.type === 'loss') this.depacketizer.markLoss();
    if (event.type === 'rtcp') return this.noteRtcp(event.packet);
    if (event.type !== 'rtp') return;
    this.feed.noteTraffic(Date.now());
    this.packets++;
    this.ssrc = event.packet.ssrc;
    for (const unit of this.depacketizer.push(event.packet)) this.deliver(unit);
  }

  // Sender reports of the video's own SSRC only (a server may report other streams).
  private noteRtcp(packet: Buffer): void {
    for (const sr of parseSenderReports(packet)) if (sr.ssrc === this.ssrc) this.feed.noteSenderReport(sr, Date.now());
  }

  private deliver(unit: AccessUnit): void {
    if (this.stopped || !this.output.writable) return;
    this.feed.push({ nals: unit.nals, arrivalMs: Date.now(), rtpTimestamp: unit.timestamp });
  }

  private end(hint: string): void {
    clearInterval(this.keepalive);
    this.connection?.close();
    const { packets, losses, discardedUnits, bytesPerSecond } = this.stats();
    this.log.info(`rtsp: session ended (${this.stopped ? 'stopped' : hint}): ${packets} packets, ${losses} losses, ${discardedUnits} frames discarded, ${Math.round(bytesPerSecond / 1000)} kB/s`);
    this.finish(this.stopped ? 'stopped' : hint);
  }
}

// Pure: the channels (and SSRC, when given) the camera chose in its SETUP answer.
export function parseTransport(header: string): { rtpChannel: number; rtcpChannel: number; ssrc: number | undefined } {
  const interleaved = /interleaved=(\d+)(?:-(\d+))?/i.exec(header);
  const ssrc = /ssrc=([0-9a-f]{1,8})/i.exec(header)?.[1];
  const rtpChannel = interleaved ? Number(interleaved[1]) : RTP_CHANNEL;
  const rtcpChannel = interleaved?.[2] !== undefined ? Number(interleaved[2]) : rtpChannel + 1;
  return { rtpChannel, rtcpChannel, ssrc: ssrc === undefined ? undefined : parseInt(ssrc, 16) };
}
