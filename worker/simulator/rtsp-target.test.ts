import { describe, expect, it } from 'vitest';
import { buildContentBase, resolveTarget, selectInterleavedTransport } from './rtsp-target.ts';

describe('resolveTarget', () => {
  it.each([
    ['rtsp://127.0.0.1:8554/stream', 'stream'],
    ['rtsp://admin:pw@10.0.0.9/stream/', 'stream'],
    ['rtsp://127.0.0.1:8554/stream/trackID=0', 'track'],
    ['rtsp://127.0.0.1:8554//stream//trackID=0', 'track'],
    ['rtsp://127.0.0.1:8554/other', 'elsewhere'],
    ['rtsp://127.0.0.1:8554/stream/trackID=1', 'elsewhere'],
    ['*', 'any'],
    ['/stream', 'invalid'],
    ['http://127.0.0.1/stream', 'invalid'],
  ])('%s → %s', (uri, target) => {
    expect(resolveTarget(uri, '/stream')).toBe(target);
  });

  it('takes the configured path with or without slashes', () => {
    expect(resolveTarget('rtsp://h/cam/1', 'cam/1/')).toBe('stream');
  });
});

describe('buildContentBase', () => {
  it('drops credentials and query and ends in a slash', () => {
    expect(buildContentBase('rtsp://admin:pw@127.0.0.1:8554/stream?x=1')).toBe('rtsp://127.0.0.1:8554/stream/');
  });
});

describe('selectInterleavedTransport', () => {
  it.each([
    ['RTP/AVP/TCP;unicast;interleaved=0-1', { rtpChannel: 0, rtcpChannel: 1 }],
    ['RTP/AVP/TCP;unicast;interleaved=4-5', { rtpChannel: 4, rtcpChannel: 5 }],
    ['RTP/AVP/TCP;interleaved=2', { rtpChannel: 2, rtcpChannel: 3 }],
    ['RTP/AVP/TCP;unicast', { rtpChannel: 0, rtcpChannel: 1 }],
    ['RTP/AVP;unicast;client_port=5000-5001, RTP/AVP/TCP;unicast;interleaved=0-1', { rtpChannel: 0, rtcpChannel: 1 }],
  ])('serves %s', (header, transport) => {
    expect(selectInterleavedTransport(header)).toEqual(transport);
  });

  it.each([
    ['UDP', 'RTP/AVP;unicast;client_port=5000-5001'],
    ['explicit UDP', 'RTP/AVP/UDP;unicast;client_port=5000-5001'],
    ['multicast', 'RTP/AVP;multicast'],
    ['a channel past 255', 'RTP/AVP/TCP;interleaved=300-301'],
    ['a garbled channel', 'RTP/AVP/TCP;interleaved=a-b'],
    ['no header', undefined],
  ])('refuses %s', (_label, header) => {
    expect(selectInterleavedTransport(header)).toBeUndefined();
  });
});
