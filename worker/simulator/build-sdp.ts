import { H264_PAYLOAD_TYPE, RTP_CLOCK_RATE } from './rtp-packets.ts';

export type SdpInput = { sps: Buffer; pps: Buffer; sessionId: string; serverAddress: string; trackControl: string };

// Pure: the session description answered to DESCRIBE (RFC 6184 section 8.2.1).
export function buildSdp({ sps, pps, sessionId, serverAddress, trackControl }: SdpInput): string {
  const profileLevelId = sps.subarray(1, 4).toString('hex');
  const parameterSets = `${sps.toString('base64')},${pps.toString('base64')}`;
  const pt = H264_PAYLOAD_TYPE;
  const lines = [
    'v=0',
    `o=- ${sessionId} 1 IN IP4 ${serverAddress}`,
    's=Lookout simulated camera',
    'c=IN IP4 0.0.0.0',
    't=0 0',
    'a=control:*',
    'a=range:npt=0-',
    `m=video 0 RTP/AVP ${pt}`,
    `a=rtpmap:${pt} H264/${RTP_CLOCK_RATE}`,
    `a=fmtp:${pt} packetization-mode=1;profile-level-id=${profileLevelId};sprop-parameter-sets=${parameterSets}`,
    `a=control:${trackControl}`,
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}
