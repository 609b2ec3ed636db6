import { createHmac, randomBytes } from 'node:crypto';

// Failed logins per client, in memory only: the key is an HMAC of the client's address under a
// per-process random key, so no address is kept even in memory, let alone on disk.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
const MAX_CLIENTS = 10_000;

type Store = { secret: Buffer; failures: Map<string, number[]> };
const KEY = Symbol.for('lookout.loginThrottle');
const holder = globalThis as unknown as { [KEY]?: Store };

function store(): Store {
  holder[KEY] ??= { secret: randomBytes(32), failures: new Map() };
  return holder[KEY];
}

function clientKey(address: string): string {
  return createHmac('sha256', store().secret).update(address).digest('base64url');
}

function recentFailures(key: string, now: number): number[] {
  const list = (store().failures.get(key) ?? []).filter((at) => now - at < WINDOW_MS);
  if (list.length === 0) store().failures.delete(key);
  else store().failures.set(key, list);
  return list;
}

// Seconds until the client may try again, or 0 when it may try now.
export function getLoginRetryAfter(address: string, now = Date.now()): number {
  const list = recentFailures(clientKey(address), now);
  if (list.length < MAX_FAILURES) return 0;
  return Math.max(1, Math.ceil((list[list.length - MAX_FAILURES]! + WINDOW_MS - now) / 1000));
}

export function recordLoginFailure(address: string, now = Date.now()): void {
  const { failures } = store();
  if (failures.size >= MAX_CLIENTS) for (const key of [...failures.keys()]) recentFailures(key, now);
  const key = clientKey(address);
  failures.set(key, [...recentFailures(key, now), now]);
}

export function clearLoginFailures(address: string): void {
  store().failures.delete(clientKey(address));
}
