export type RtspHeaders = Record<string, string | string[]>;
export type RtspResponse = { status: number; headers?: RtspHeaders; body?: string; close?: boolean };

const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  454: 'Session Not Found',
  455: 'Method Not Valid in This State',
  461: 'Unsupported Transport',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

export const SERVER_NAME = 'Lookout camera simulator';

// Pure: the bytes of one RTSP/1.0 response. CSeq is echoed when the request had one;
// a header given as a list is repeated (one WWW-Authenticate line per scheme).
export function formatRtspResponse(cseq: string | undefined, { status, headers = {}, body = '' }: RtspResponse): string {
  const lines = [`RTSP/1.0 ${status} ${REASONS[status] ?? 'Unknown'}`];
  if (cseq !== undefined) lines.push(`CSeq: ${cseq}`);
  lines.push(`Server: ${SERVER_NAME}`);
  for (const [name, value] of Object.entries(headers)) {
    for (const item of Array.isArray(value) ? value : [value]) lines.push(`${name}: ${item}`);
  }
  if (body) lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}
