// A syntactically valid Host header value: a DNS name, an IPv4 address or a bracketed IPv6
// address, with an optional port. Lower-case input expected.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST = new RegExp(`^(?:${LABEL}(?:\\.${LABEL})*|\\[[0-9a-f:.]{2,45}\\])(?::(\\d{1,5}))?$`);

export function isValidHost(host: string): boolean {
  const match = HOST.exec(host);
  if (!match || host.length > 255) return false;
  return match[1] === undefined || (Number(match[1]) >= 1 && Number(match[1]) <= 65535);
}
