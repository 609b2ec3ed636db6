import { describe, expect, it } from 'vitest';
import { buildSdp } from './build-sdp.ts';

describe('buildSdp', () => {
  const sps = Buffer.from('6742c01fda0280bfe5c04400000fa40003a98038c1889a', 'hex');
  const pps = Buffer.from('68ce3c80', 'hex');
  const sdp = buildSdp({ sps, pps, sessionId: '123', serverAddress: '127.0.0.1', trackControl: 'trackID=0' });

  it('describes one H.264 track with profile-level-id and sprop-parameter-sets from SPS and PPS', () => {
    expect(sdp.split('\r\n')).toEqual([
      'v=0',
      'o=- 123 1 IN IP4 127.0.0.1',
      's=Lookout simulated camera',
      'c=IN IP4 0.0.0.0',
      't=0 0',
      'a=control:*',
      'a=range:npt=0-',
      'm=video 0 RTP/AVP 96',
      'a=rtpmap:96 H264/90000',
      `a=fmtp:96 packetization-mode=1;profile-level-id=42c01f;sprop-parameter-sets=${sps.toString('base64')},${pps.toString('base64')}`,
      'a=control:trackID=0',
      '',
    ]);
  });

  it('ends every line with CRLF', () => {
    expect(sdp.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });
});
