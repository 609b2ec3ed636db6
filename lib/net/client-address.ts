import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

// The site server is the one gate for client addresses: it resolves the client's address from
// the socket, believing X-Forwarded-For only from TRUSTED_PROXIES, and hands it to route handlers
// in this header (any copy the client sent is replaced). The address lives in memory only.
export const CLIENT_ADDRESS_HEADER = 'x-lookout-client-address';

export type TrustProxy = (address: string, hop: number) => boolean;

// "loopback", "uniquelocal", "linklocal" or CIDRs, comma-separated (proxy-addr's vocabulary).
export function compileTrustedProxies(spec: string): TrustProxy {
  const list = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return proxyAddr.compile(list);
}

export function isTrustedPeer(request: IncomingMessage, trust: TrustProxy): boolean {
  const peer = request.socket.remoteAddress;
  return peer !== undefined && trust(peer, 0);
}

export function resolveClientAddress(request: IncomingMessage, trust: TrustProxy): string {
  return proxyAddr(request, trust);
}

const FORWARDED_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

// Rewrites the request's headers in place before Next sees them: the resolved client address is
// set, and forwarded headers from a peer that is not a trusted proxy are dropped.
export function stampClientAddress(request: IncomingMessage, trust: TrustProxy): void {
  const trusted = isTrustedPeer(request, trust);
  const address = resolveClientAddress(request, trust);
  if (!trusted) for (const name of FORWARDED_HEADERS) delete request.headers[name];
  request.headers[CLIENT_ADDRESS_HEADER] = address;
}

// For route handlers: the address the site server stamped, or undefined outside it.
export function getClientAddress(headers: Headers): string | undefined {
  return headers.get(CLIENT_ADDRESS_HEADER) ?? undefined;
}
