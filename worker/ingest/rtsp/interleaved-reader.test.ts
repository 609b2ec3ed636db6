import { describe, expect, it } from 'vitest';
import { frameInterleaved, RtpStream } from '../../simulator/rtp-packets.ts';
import { createSeededRandom, makeNal } from '../../../lib/testing/test-bytes.ts';
import { InterleavedReader, type ReaderEvent } from './interleaved-reader.ts';

const SSRC = 0x1234abcd;
const PT = 96;
const RESPONSE = Buffer.from('RTSP/1.0 200 OK\r\nCSeq: 7\r\nSession: 42\r\nContent-Length: 4\r\n\r\nabcd');
const RTCP = Buffer.from([0x80, 200, 0, 6, ...Buffer.alloc(24, 0x11)]); // a sender report

type Piece = { at: number; bytes: Buffer; kind: 'rtp' | 'rtcp' | 'response' | 'foreign'; payload?: Buffer };

// A camera's stream: frames of varying size (FU-A for the big ones), an RTCP report and a
// response now and then, and a packet of some other stream (wrong SSRC) on the RTP channel.
function buildWire(random: () => number) {
  const rtp = new RtpStream(SSRC, Math.floor(random() * 65536), 1000);
  const stranger = new RtpStream(0x0badf00d, 1, 1);
  const pieces: Piece[] = [];
  let at = 0;
  const add = (kind: Piece['kind'], bytes: Buffer, payload?: Buffer) => {
    pieces.push({ at, bytes, kind, payload });
    at += bytes.length;
  };
  for (let frame = 0; frame < 60; frame++) {
    const size = frame % 25 === 0 ? 30_000 : 200 + Math.floor(random() * 6000);
    for (const packet of rtp.packetizeFrame({ nals: [makeNal(frame % 25 === 0 ? 5 : 1, size)], keyframe: frame % 25 === 0 }, frame * 3600)) add('rtp', frameInterleaved(0, packet), packet);
    if (frame % 10 === 3) add('rtcp', frameInterleaved(1, RTCP));
    if (frame % 10 === 6) add('response', RESPONSE);
    if (frame % 20 === 9) add('foreign', frameInterleaved(0, stranger.packetizeFrame({ nals: [makeNal(1, 300)], keyframe: false }, 0)[0]!));
  }
  return { pieces, wire: Buffer.concat(pieces.map((p) => p.bytes)) };
}

function feed(reader: InterleavedReader, wire: Buffer, random: () => number): ReaderEvent[] {
  const events: ReaderEvent[] = [];
  for (let offset = 0; offset < wire.length; ) {
    const size = 1 + Math.floor(random() * 3000);
    events.push(...reader.push(wire.subarray(offset, offset + size)));
    offset += size;
  }
  return events;
}

describe('InterleavedReader', () => {
  it('reads responses, RTP and RTCP frames from an intact stream, and rejects another SSRC', () => {
    const random = createSeededRandom(1);
    const { pieces, wire } = buildWire(random);
    const reader = new InterleavedReader();
    reader.expectMedia({ rtpChannel: 0, rtcpChannel: 1, payloadType: PT, ssrc: SSRC });
    const events = feed(reader, wire, random);
    const rtp = events.filter((e) => e.type === 'rtp');
    expect(rtp.map((e) => e.packet.payload)).toEqual(pieces.filter((p) => p.kind === 'rtp').map((p) => p.payload!.subarray(12)));
    expect(events.filter((e) => e.type === 'response')).toHaveLength(pieces.filter((p) => p.kind === 'response').length);
    expect(events.filter((e) => e.type === 'rtcp').map((e) => e.packet)).toEqual(pieces.filter((p) => p.kind === 'rtcp').map(() => RTCP));
    // The foreign packets are the only losses: each is skipped and reported.
    expect(events.filter((e) => e.type === 'loss')).toHaveLength(pieces.filter((p) => p.kind === 'foreign').length);
  });

  it('parses the status line, headers and body of a response', () => {
    const reader = new InterleavedReader();
    const [event] = reader.push(Buffer.from('RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Digest realm="x"\r\nWWW-Authenticate: Basic realm="x"\r\n\r\n'));
    expect(event).toEqual({
      type: 'response',
      response: { status: 401, reason: 'Unauthorized', body: '', headers: new Map([['cseq', ['2']], ['www-authenticate', ['Digest realm="x"', 'Basic realm="x"']]]) },
    });
  });

  // The live555 bug: a contiguous 200–8000-byte chunk of the stream is gone.
  it('resyncs after lost chunks at random places, never passing on a packet of the wrong stream, and reports each loss', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = createSeededRandom(seed);
      const { pieces, wire } = buildWire(random);
      const cutStart = 200 + Math.floor(random() * (wire.length - 10_000));
      const cutSize = 200 + Math.floor(random() * 7801);
      const damaged = Buffer.concat([wire.subarray(0, cutStart), wire.subarray(cutStart + cutSize)]);
      const reader = new InterleavedReader();
      reader.expectMedia({ rtpChannel: 0, rtcpChannel: 1, payloadType: PT, ssrc: seed % 2 ? SSRC : undefined });
      const events = feed(reader, damaged, random);

      const originals = new Set(pieces.filter((p) => p.kind === 'rtp').map((p) => p.payload!.toString('hex')));
      const lossAt = events.findIndex((e) => e.type === 'loss');
      expect(lossAt, `seed ${seed}: loss reported`).toBeGreaterThanOrEqual(0);
      events.forEach((event, i) => {
        if (event.type !== 'rtp') return;
        expect(event.packet.ssrc, `seed ${seed}`).toBe(SSRC);
        // Only a packet read just before a loss may hold foreign bytes (the depacketizer holds it back).
        const nextIsLoss = events.slice(i + 1).find((e) => e.type !== 'rtcp')?.type === 'loss';
        if (!nextIsLoss) expect(originals.has(rebuild(event.packet)), `seed ${seed}: packet ${i} is one the camera sent`).toBe(true);
      });
      // Everything that starts clear of the cut (plus one packet's length) is read again.
      const clear = pieces.filter((p) => p.kind !== 'foreign' && p.at >= cutStart + cutSize + 1500);
      const after = events.slice(lossAt);
      expect(after.filter((e) => e.type === 'rtp').length, `seed ${seed}`).toBeGreaterThanOrEqual(clear.filter((p) => p.kind === 'rtp').length);
      expect(after.filter((e) => e.type === 'response').length, `seed ${seed}`).toBeGreaterThanOrEqual(clear.filter((p) => p.kind === 'response').length);
    }
  }, 60_000); // 300 seeded streams: CPU-bound, seconds on a busy 2-core machine
});

// The packet as it was on the wire (no CSRC, extension or padding in these).
function rebuild(packet: { sequence: number; timestamp: number; marker: boolean; ssrc: number; payload: Buffer }): string {
  const header = Buffer.alloc(12);
  header[0] = 0x80;
  header[1] = (packet.marker ? 0x80 : 0) | PT;
  header.writeUInt16BE(packet.sequence, 2);
  header.writeUInt32BE(packet.timestamp, 4);
  header.writeUInt32BE(packet.ssrc, 8);
  return Buffer.concat([header, packet.payload]).toString('hex');
}
