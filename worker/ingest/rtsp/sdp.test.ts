import { describe, expect, it } from 'vitest';
import { buildSdp } from '../../simulator/build-sdp.ts';
import { parseH264Track } from './sdp.ts';

const SPS = Buffer.from([0x67, 0x64, 0x00, 0x1f, 0xac]);
const PPS = Buffer.from([0x68, 0xee, 0x3c, 0xb0]);
const request = 'rtsp://10.0.0.2:554/stream1';

const sdp = (...media: string[]) => ['v=0', 'o=- 1 1 IN IP4 10.0.0.2', 's=cam', 't=0 0', 'a=control:*', ...media, ''].join('\r\n');
const AUDIO = ['m=audio 0 RTP/AVP 0', 'a=rtpmap:0 PCMU/8000', 'a=control:track2'];

describe('parseH264Track', () => {
  it('reads what the simulated camera describes, resolving the control against Content-Base', () => {
    const body = buildSdp({ sps: SPS, pps: PPS, sessionId: '1', serverAddress: '127.0.0.1', trackControl: 'trackID=0' });
    expect(parseH264Track(body, { contentBase: 'rtsp://127.0.0.1:8554/stream/', requestUrl: 'rtsp://127.0.0.1:8554/stream' })).toEqual({
      payloadType: 96,
      controlUrl: 'rtsp://127.0.0.1:8554/stream/trackID=0',
      parameterSets: [SPS, PPS],
    });
  });

  it('takes the first H.264 video after an audio stream, and a relative control without Content-Base from the request URL', () => {
    const video = ['m=video 0 RTP/AVP 97 98', 'a=rtpmap:97 H265/90000', 'a=rtpmap:98 H264/90000', 'a=fmtp:98 packetization-mode=1', 'a=control:track1'];
    expect(parseH264Track(sdp(...AUDIO, ...video), { requestUrl: request })).toEqual({ payloadType: 98, controlUrl: `${request}/track1`, parameterSets: [] });
  });

  it('prefers Content-Base over Content-Location, and keeps an absolute control as it is', () => {
    const video = (control: string) => sdp('m=video 0 RTP/AVP 96', 'a=rtpmap:96 H264/90000', `a=control:${control}`);
    const base = { contentBase: 'rtsp://cam/base/', contentLocation: 'rtsp://cam/location/', requestUrl: request };
    expect(parseH264Track(video('trackID=1'), base).controlUrl).toBe('rtsp://cam/base/trackID=1');
    expect(parseH264Track(video('trackID=1'), { contentLocation: 'rtsp://cam/location', requestUrl: request }).controlUrl).toBe('rtsp://cam/location/trackID=1');
    expect(parseH264Track(video('rtsp://10.0.0.9/other/track'), base).controlUrl).toBe('rtsp://10.0.0.9/other/track');
    expect(parseH264Track(video('*'), base).controlUrl).toBe('rtsp://cam/base/');
  });

  it('says clearly when there is no H.264 video', () => {
    const h265 = sdp('m=video 0 RTP/AVP 96', 'a=rtpmap:96 H265/90000');
    expect(() => parseH264Track(h265, { requestUrl: request })).toThrow('the camera offers no H.264 video (found: H265)');
    expect(() => parseH264Track(sdp(...AUDIO), { requestUrl: request })).toThrow('the camera offers no H.264 video (found: audio)');
  });
});
