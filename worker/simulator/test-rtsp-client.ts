import { connect, type Socket } from 'node:net';
import { waitFor } from '../../lib/testing/wait-for.ts';

// Test helper: an RTSP client by hand, to see exactly what the server puts on the wire.
export type RtspReply = { status: number; headers: Record<string, string[]>; body: string; at: number };
export type InterleavedPacket = { channel: number; data: Buffer };

export class RawRtspClient {
  readonly replies: RtspReply[] = [];
  readonly packets: InterleavedPacket[] = [];
  readonly closed: Promise<void>;
  private buffer = Buffer.alloc(0);
  private cseq = 0;

  private constructor(private readonly socket: Socket) {
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => this.read(chunk));
  }

  static open(port: number): Promise<RawRtspClient> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => resolve(new RawRtspClient(socket)));
      socket.once('error', reject);
    });
  }

  async request(method: string, uri: string, headers: Record<string, string> = {}): Promise<RtspReply> {
    const cseq = String(++this.cseq);
    const lines = [`${method} ${uri} RTSP/1.0`, `CSeq: ${cseq}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
    this.socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    return waitFor(() => this.replies.find((reply) => reply.headers.cseq?.[0] === cseq), { what: `the answer to ${method}`, intervalMs: 20 });
  }

  write(data: string | Buffer): void {
    this.socket.write(data);
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer[0] === 0x24) {
        if (this.buffer.length < 4 || this.buffer.length < 4 + this.buffer.readUInt16BE(2)) return;
        const end = 4 + this.buffer.readUInt16BE(2);
        this.packets.push({ channel: this.buffer[1]!, data: Buffer.from(this.buffer.subarray(4, end)) });
        this.buffer = this.buffer.subarray(end);
        continue;
      }
      const headEnd = this.buffer.indexOf('\r\n\r\n');
      if (headEnd === -1) return;
      const [statusLine = '', ...lines] = this.buffer.subarray(0, headEnd).toString().split('\r\n');
      const headers: Record<string, string[]> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        (headers[line.slice(0, colon).trim().toLowerCase()] ??= []).push(line.slice(colon + 1).trim());
      }
      const length = Number(headers['content-length']?.[0] ?? 0);
      if (this.buffer.length < headEnd + 4 + length) return;
      const body = this.buffer.subarray(headEnd + 4, headEnd + 4 + length).toString();
      this.replies.push({ status: Number(statusLine.split(' ')[1]), headers, body, at: Date.now() });
      this.buffer = this.buffer.subarray(headEnd + 4 + length);
    }
  }
}
