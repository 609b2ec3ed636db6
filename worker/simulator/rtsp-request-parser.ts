export type RtspRequest = { method: string; uri: string; headers: Record<string, string>; body: string };

const HEADER_END = Buffer.from('\r\n\r\n');
export const MAX_HEAD_BYTES = 16 * 1024;
export const MAX_BODY_BYTES = 64 * 1024;

export class RtspParseError extends Error {}

// Reads requests off an RTSP control connection. Over TCP the client also sends
// interleaved '$' frames (RTCP receiver reports) on the same socket; those are skipped.
export class RtspRequestParser {
  private buffer: Buffer = Buffer.alloc(0);

  push(chunk: Buffer): RtspRequest[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const requests: RtspRequest[] = [];
    for (;;) {
      if (this.buffer[0] === 0x24) {
        if (this.buffer.length < 4) break;
        const size = 4 + this.buffer.readUInt16BE(2);
        if (this.buffer.length < size) break;
        this.buffer = this.buffer.subarray(size);
        continue;
      }
      const headEnd = this.buffer.indexOf(HEADER_END);
      if (headEnd > MAX_HEAD_BYTES || (headEnd === -1 && this.buffer.length > MAX_HEAD_BYTES)) throw new RtspParseError('request head too large');
      if (headEnd === -1) break;
      const request = parseHead(this.buffer.subarray(0, headEnd).toString('utf8'));
      const bodyLength = parseContentLength(request.headers['content-length']);
      const total = headEnd + HEADER_END.length + bodyLength;
      if (this.buffer.length < total) break;
      request.body = this.buffer.subarray(headEnd + HEADER_END.length, total).toString('utf8');
      this.buffer = this.buffer.subarray(total);
      requests.push(request);
    }
    return requests;
  }
}

function parseHead(head: string): RtspRequest {
  const [requestLine = '', ...headerLines] = head.replace(/^(\r\n)+/, '').split('\r\n');
  const match = /^([A-Z_]+) (\S+) RTSP\/1\.0$/.exec(requestLine);
  if (!match) throw new RtspParseError(`bad request line: ${requestLine.slice(0, 80)}`);
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { method: match[1]!, uri: match[2]!, headers, body: '' };
}

// A NaN or negative length would leave the buffer where it is and loop forever.
function parseContentLength(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value)) throw new RtspParseError(`bad Content-Length: ${value.slice(0, 20)}`);
  const length = Number(value);
  if (length > MAX_BODY_BYTES) throw new RtspParseError('request body too large');
  return length;
}
