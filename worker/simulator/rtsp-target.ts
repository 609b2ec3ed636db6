export const TRACK_CONTROL = 'trackID=0';

export type RtspTarget = 'stream' | 'track' | 'any' | 'elsewhere' | 'invalid';

// Pure: what a request URI points at. Credentials, host and port in the URI are ignored
// (clients behind NAT or a proxy rewrite them); only the path has to match.
export function resolveTarget(uri: string, path: string): RtspTarget {
  if (uri === '*') return 'any';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'invalid';
  }
  if (url.protocol !== 'rtsp:') return 'invalid';
  const requested = trimSlashes(url.pathname);
  const stream = trimSlashes(path);
  if (requested === stream) return 'stream';
  if (requested === `${stream}/${TRACK_CONTROL}`) return 'track';
  return 'elsewhere';
}

// Pure: the URI a client resolves the track's relative control against.
export function buildContentBase(uri: string): string {
  const url = new URL(uri);
  return `rtsp://${url.host}${trimSlashes(url.pathname)}/`;
}

export type InterleavedTransport = { rtpChannel: number; rtcpChannel: number };

// Pure: picks the TCP interleaved choice out of a Transport header that may list
// several (ffmpeg without -rtsp_transport offers UDP first). Undefined = nothing we serve.
export function selectInterleavedTransport(header: string | undefined): InterleavedTransport | undefined {
  for (const option of (header ?? '').split(',')) {
    const [protocol = '', ...params] = option.trim().split(';');
    if (protocol.toUpperCase() !== 'RTP/AVP/TCP') continue;
    const interleaved = params.find((param) => param.startsWith('interleaved='));
    if (!interleaved) return { rtpChannel: 0, rtcpChannel: 1 };
    const match = /^interleaved=(\d{1,3})(?:-(\d{1,3}))?$/.exec(interleaved);
    const rtp = Number(match?.[1]);
    const rtcp = match?.[2] === undefined ? rtp + 1 : Number(match[2]);
    if (match && rtp <= 255 && rtcp <= 255) return { rtpChannel: rtp, rtcpChannel: rtcp };
  }
  return undefined;
}

// Clients join a relative control to the base with or without a slash of their own.
function trimSlashes(pathname: string): string {
  return `/${pathname.replace(/\/{2,}/g, '/').replace(/^\/|\/$/g, '')}`;
}
