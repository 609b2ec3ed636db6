export type H264Track = {
  payloadType: number;
  controlUrl: string; // absolute: what SETUP is sent to
  parameterSets: Buffer[]; // SPS and PPS from sprop-parameter-sets, possibly none
};

// Where a relative a=control is resolved from (RFC 2326 C.1.1): Content-Base, then
// Content-Location, then the DESCRIBE request URL.
export type SdpBase = { contentBase?: string; contentLocation?: string; requestUrl: string };

export class SdpError extends Error {
  override name = 'SdpError';
}

type Media = { kind: string; payloadTypes: number[]; attributes: string[] };

// Pure: the first H.264 video stream of a DESCRIBE answer.
export function parseH264Track(sdp: string, base: SdpBase): H264Track {
  const { session, media } = splitMedia(sdp);
  const found: string[] = [];
  for (const m of media.filter((entry) => entry.kind === 'video')) {
    const codecs = new Map(m.attributes.flatMap((a) => rtpmapEntry(a)));
    const payloadType = m.payloadTypes.find((pt) => codecs.get(pt)?.toUpperCase() === 'H264');
    found.push(...m.payloadTypes.map((pt) => codecs.get(pt) ?? `payload type ${pt}`));
    if (payloadType === undefined) continue;
    const control = attribute(m.attributes, 'control') ?? '*';
    const fmtp = m.attributes.map((a) => new RegExp(`^fmtp:${payloadType}\\s+(.*)$`).exec(a)?.[1]).find(Boolean) ?? '';
    return { payloadType, controlUrl: resolveControl(control, attribute(session, 'control'), base), parameterSets: parseParameterSets(fmtp) };
  }
  const what = found.length ? found.join(', ') : media.length ? media.map((m) => m.kind).join(', ') : 'nothing';
  throw new SdpError(`the camera offers no H.264 video (found: ${what})`);
}

function splitMedia(sdp: string): { session: string[]; media: Media[] } {
  const session: string[] = [];
  const media: Media[] = [];
  for (const line of sdp.split(/\r?\n/).map((l) => l.trim())) {
    const m = /^m=(\w+)\s+\S+\s+\S+\s*(.*)$/.exec(line);
    if (m) media.push({ kind: m[1]!, payloadTypes: m[2]!.split(/\s+/).filter(Boolean).map(Number), attributes: [] });
    else if (line.startsWith('a=')) (media.at(-1)?.attributes ?? session).push(line.slice(2));
  }
  return { session, media };
}

function rtpmapEntry(attr: string): [number, string][] {
  const match = /^rtpmap:(\d+)\s+([\w.-]+)/.exec(attr);
  return match ? [[Number(match[1]), match[2]!]] : [];
}

function attribute(attributes: string[], name: string): string | undefined {
  return attributes.find((a) => a.startsWith(`${name}:`))?.slice(name.length + 1).trim();
}

function resolveControl(control: string, sessionControl: string | undefined, base: SdpBase): string {
  const baseUrl = base.contentBase ?? base.contentLocation ?? base.requestUrl;
  const sessionUrl = sessionControl && sessionControl !== '*' ? joinControl(baseUrl, sessionControl) : baseUrl;
  return control === '*' ? sessionUrl : joinControl(sessionUrl, control);
}

// As live555 and ffmpeg join them: a relative control is appended to the base with one
// slash between, whether or not the base ends in one (cameras often send no Content-Base).
function joinControl(base: string, control: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(control)) return control;
  return `${base.replace(/\/+$/, '')}/${control.replace(/^\/+/, '')}`;
}

function parseParameterSets(fmtp: string): Buffer[] {
  const value = /(?:^|;)\s*sprop-parameter-sets=([^;\s]*)/.exec(fmtp)?.[1];
  if (!value) return [];
  return value.split(',').map((b64) => Buffer.from(b64, 'base64')).filter((nal) => nal.length > 0);
}
