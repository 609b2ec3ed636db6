import { describe, expect, it } from 'vitest';
import { frameInterleaved } from './rtp-packets.ts';
import { MAX_HEAD_BYTES, RtspParseError, RtspRequestParser } from './rtsp-request-parser.ts';
import { splitAt } from '../../lib/testing/test-bytes.ts';

const options = 'OPTIONS rtsp://127.0.0.1:8554/stream RTSP/1.0\r\nCSeq: 1\r\nUser-Agent: Lavf59.27.100\r\n\r\n';
const withBody = 'SET_PARAMETER rtsp://h/stream RTSP/1.0\r\nCSeq: 2\r\nContent-Length: 5\r\n\r\nhello';

describe('RtspRequestParser', () => {
  it('parses the request line, lower-cases header names and trims values', () => {
    expect(new RtspRequestParser().push(Buffer.from(options))).toEqual([
      { method: 'OPTIONS', uri: 'rtsp://127.0.0.1:8554/stream', headers: { cseq: '1', 'user-agent': 'Lavf59.27.100' }, body: '' },
    ]);
  });

  it('reads a body of Content-Length bytes and the request after it', () => {
    const requests = new RtspRequestParser().push(Buffer.from(withBody + options));
    expect(requests.map((request) => [request.method, request.body])).toEqual([
      ['SET_PARAMETER', 'hello'],
      ['OPTIONS', ''],
    ]);
  });

  it('skips interleaved $ frames (RTCP receiver reports) between requests, however chunked', () => {
    const rtcp = frameInterleaved(1, Buffer.alloc(52, 0x81));
    const stream = Buffer.concat([rtcp, Buffer.from(options), rtcp, rtcp, Buffer.from(withBody)]);
    for (let cut = 1; cut < stream.length; cut++) {
      const parser = new RtspRequestParser();
      const requests = splitAt(stream, [cut, cut + 3]).flatMap((chunk) => parser.push(chunk));
      expect(requests.map((request) => request.headers.cseq)).toEqual(['1', '2']);
    }
  });

  it('waits for the rest of a request that arrives in pieces', () => {
    const parser = new RtspRequestParser();
    expect(parser.push(Buffer.from(withBody.slice(0, -2)))).toEqual([]);
    expect(parser.push(Buffer.from(withBody.slice(-2)))).toHaveLength(1);
  });

  it('rejects a head that grows past the limit without ending', () => {
    const parser = new RtspRequestParser();
    parser.push(Buffer.from('OPTIONS * RTSP/1.0\r\nX: '));
    expect(() => parser.push(Buffer.alloc(MAX_HEAD_BYTES, 0x61))).toThrow(RtspParseError);
  });

  it('rejects an oversized head even when it ends in the same chunk', () => {
    const head = `OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nX: ${'a'.repeat(MAX_HEAD_BYTES)}\r\n\r\n`;
    expect(() => new RtspRequestParser().push(Buffer.from(head))).toThrow('too large');
  });

  it.each([
    ['a bad request line', 'HELLO\r\n\r\n'],
    ['another protocol', 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'],
    ['a non-numeric Content-Length', 'OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: abc\r\n\r\n'],
    ['a negative Content-Length', 'OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: -4\r\n\r\n'],
    ['a huge Content-Length', 'OPTIONS * RTSP/1.0\r\nCSeq: 1\r\nContent-Length: 99999999\r\n\r\n'],
  ])('rejects %s', (_label, text) => {
    expect(() => new RtspRequestParser().push(Buffer.from(text))).toThrow(RtspParseError);
  });
});
