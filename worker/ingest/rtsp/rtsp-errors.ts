// Why an RTSP session ended, as a plain hint for the owner's health view. The text never
// carries the camera URL: at most the redacted form, added by whoever logs it.
export class RtspError extends Error {
  override name = 'RtspError';
}

const NETWORK_HINTS: Record<string, string> = {
  ECONNREFUSED: 'connection refused: is the camera on and the port right?',
  ECONNRESET: 'the camera closed the connection',
  EPIPE: 'the camera closed the connection',
  ETIMEDOUT: 'timeout: the camera did not answer',
  EHOSTUNREACH: 'camera unreachable on the network',
  ENETUNREACH: 'camera unreachable on the network',
  ENOTFOUND: 'camera host name does not resolve',
  EAI_AGAIN: 'camera host name does not resolve',
};

export function describeSocketError(error: NodeJS.ErrnoException): RtspError {
  const hint = (error.code && NETWORK_HINTS[error.code]) ?? (error.code?.startsWith('ERR_TLS') || error.code?.startsWith('ERR_SSL') ? `TLS failed (${error.code})` : `network error (${error.code ?? 'unknown'})`);
  return new RtspError(hint);
}
