// Where a view came from: "direct", or the host of the referring page (on /embed/<id>, the page
// that embeds the player). Only a host name is ever kept, never a path or query.
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function normalizeHost(value: string | null | undefined): string | undefined {
  const host = value?.trim().toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  return host && HOST.test(host) ? host : undefined;
}

// `ownHost` (the Host the beacon was sent to) makes navigation inside the site "direct".
export function classifySource(referrerHost: string | null | undefined, ownHost: string | null | undefined): string {
  const host = normalizeHost(referrerHost);
  const own = normalizeHost(ownHost?.replace(/:\d+$/, ''));
  if (!host || host === own) return 'direct';
  return host;
}
