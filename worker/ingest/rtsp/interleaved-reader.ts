export type RtspResponse = { status: number; reason: string; headers: Map<string, string[]>; body: string };
export type RtpPacket = { sequence: number; timestamp: number; marker: boolean; ssrc: number; payload: Buffer };
export type MediaChannels = { rtpChannel: number; rtcpChannel: number; payloadType: number; ssrc?: number };

export type ReaderEvent =
  | { type: 'response'; response: RtspResponse }
  | { type: 'rtp'; packet: RtpPacket }
  | { type: 'rtcp'; packet: Buffer }
  | { type: 'loss' }; // bytes were lost: what came just before may carry foreign bytes

const STATUS_PREFIX = Buffer.from('RTSP/1.0 ');
const HEAD_END = Buffer.from('\r\n\r\n');
const MAX_HEAD_BYTES = 8192;
const RTP_HEADER = 12;

type Step = { event?: ReaderEvent; next: number } | 'more' | 'invalid';

// Pure and incremental: cuts the bytes of an RTSP-over-TCP connection into responses and
// '$' frames (RFC 2326 10.12). Cheap cameras drop chunks of this stream, after which a
// length field points into the middle of something else. So a frame counts only if
// everything about it is as SETUP and the first packets established (channel, RTP version,
// payload type, SSRC); otherwise the reader reports a loss and scans forward for the next
// '$' or status line that does validate.
export class InterleavedReader {
  private pending = Buffer.alloc(0);
  private media: MediaChannels | undefined;
  private resyncing = false;
  private ssrcSettled = false;
  skippedBytes = 0;
  losses = 0;

  expectMedia(media: MediaChannels): void {
    this.media = { ...media };
  }

  push(chunk: Buffer): ReaderEvent[] {
    const buffer = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    const events: ReaderEvent[] = [];
    let pos = 0;
    while (pos < buffer.length) {
      const step = this.parseAt(buffer, pos);
      if (step === 'more') break;
      if (step === 'invalid') {
        if (!this.resyncing) {
          this.resyncing = true;
          this.losses++;
          events.push({ type: 'loss' });
        }
        const next = nextCandidate(buffer, pos + 1);
        this.skippedBytes += next - pos;
        pos = next;
        continue;
      }
      this.resyncing = false;
      if (step.event) events.push(step.event);
      pos = step.next;
    }
    this.pending = Buffer.from(buffer.subarray(pos)); // a copy: never pin a whole socket chunk
    return events;
  }

  private parseAt(buffer: Buffer, pos: number): Step {
    if (buffer[pos] === 0x24) return this.parseFrame(buffer, pos);
    if (buffer[pos] === STATUS_PREFIX[0]) return parseResponse(buffer, pos);
    return 'invalid';
  }

  private parseFrame(buffer: Buffer, pos: number): Step {
    const media = this.media;
    if (!media) return 'invalid';
    if (buffer.length - pos < 4) return 'more';
    const channel = buffer[pos + 1]!;
    const length = buffer.readUInt16BE(pos + 2);
    const start = pos + 4;
    const end = start + length;
    if (channel === media.rtcpChannel) {
      if (length < 8 || length % 4 !== 0) return 'invalid';
      if (buffer.length < start + 2) return 'more';
      const type = buffer[start + 1]!;
      if (buffer[start]! >> 6 !== 2 || type < 200 || type > 207) return 'invalid';
      return buffer.length < end ? 'more' : { event: { type: 'rtcp', packet: Buffer.from(buffer.subarray(start, end)) }, next: end };
    }
    if (channel !== media.rtpChannel || length < RTP_HEADER) return 'invalid';
    if (buffer.length < start + RTP_HEADER) return 'more';
    const ssrc = buffer.readUInt32BE(start + 8);
    if (buffer[start]! >> 6 !== 2 || (buffer[start + 1]! & 0x7f) !== media.payloadType) return 'invalid';
    // SETUP's ssrc= is believed until the first packet, read in step right after the PLAY
    // answer, says otherwise (some cameras announce another one); from then on it is fixed.
    if (media.ssrc !== undefined && ssrc !== media.ssrc && (this.ssrcSettled || this.resyncing)) return 'invalid';
    if (buffer.length < end) return 'more';
    const packet = parseRtp(buffer.subarray(start, end));
    if (!packet) return 'invalid';
    media.ssrc = ssrc;
    this.ssrcSettled = true;
    return { event: { type: 'rtp', packet }, next: end };
  }
}

// RFC 3550 5.1: fixed header, CSRCs, an optional extension and optional padding.
function parseRtp(data: Buffer): RtpPacket | undefined {
  const first = data[0]!;
  let offset = RTP_HEADER + 4 * (first & 0x0f);
  if (first & 0x10) {
    if (data.length < offset + 4) return undefined;
    offset += 4 + 4 * data.readUInt16BE(offset + 2);
  }
  let end = data.length;
  if (first & 0x20) end -= data[data.length - 1]!;
  if (offset > end) return undefined;
  return {
    sequence: data.readUInt16BE(2),
    timestamp: data.readUInt32BE(4),
    marker: (data[1]! & 0x80) !== 0,
    ssrc: data.readUInt32BE(8),
    payload: Buffer.from(data.subarray(offset, end)),
  };
}

function parseResponse(buffer: Buffer, pos: number): Step {
  const available = Math.min(buffer.length - pos, STATUS_PREFIX.length);
  if (!buffer.subarray(pos, pos + available).equals(STATUS_PREFIX.subarray(0, available))) return 'invalid';
  if (available < STATUS_PREFIX.length) return 'more';
  const headEnd = buffer.indexOf(HEAD_END, pos);
  if (headEnd === -1 || headEnd - pos > MAX_HEAD_BYTES) return buffer.length - pos > MAX_HEAD_BYTES ? 'invalid' : 'more';
  const [statusLine = '', ...lines] = buffer.subarray(pos, headEnd).toString('latin1').split('\r\n');
  const status = /^RTSP\/1\.0 (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!status) return 'invalid';
  const headers = new Map<string, string[]>();
  for (const line of lines) {
    const header = /^([\w.-]+)\s*:\s*(.*)$/.exec(line);
    if (!header) return 'invalid'; // a status line followed by binary: a cut ran through it
    const name = header[1]!.toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), header[2]!.trim()]);
  }
  const length = Number(headers.get('content-length')?.[0] ?? 0);
  if (!Number.isInteger(length) || length < 0 || length > 65536) return 'invalid';
  const bodyStart = headEnd + HEAD_END.length;
  if (buffer.length < bodyStart + length) return 'more';
  const body = buffer.subarray(bodyStart, bodyStart + length).toString('utf8');
  return { event: { type: 'response', response: { status: Number(status[1]), reason: status[2] ?? '', headers, body } }, next: bodyStart + length };
}

// The next byte that could start a frame or a status line.
function nextCandidate(buffer: Buffer, from: number): number {
  for (let i = from; i < buffer.length; i++) {
    if (buffer[i] === 0x24 || buffer[i] === STATUS_PREFIX[0]) return i;
  }
  return buffer.length;
}
