// Who is watching right now: page-view ids heard from in the last 90 s, per camera. In memory
// only, never persisted. One table per process: Next's bundles each evaluate this module, so it
// lives on globalThis under a registered symbol.
const WINDOW_MS = 90_000;
const KEY = Symbol.for('lookout.viewersNow');
type Table = Map<string, { cameraId: string; lastSeen: number }>;
const store = globalThis as unknown as { [KEY]?: Table };

function table(): Table {
  store[KEY] ??= new Map();
  return store[KEY];
}

export function touchViewer(pageViewId: string, cameraId: string, now = Date.now()): void {
  table().set(pageViewId, { cameraId, lastSeen: now });
}

export function forgetViewer(pageViewId: string): void {
  table().delete(pageViewId);
}

// Counts (and prunes) the viewers heard from within the window; all cameras when none is given.
export function countViewersNow(cameraId?: string, now = Date.now()): number {
  let count = 0;
  for (const [id, viewer] of table()) {
    if (now - viewer.lastSeen > WINDOW_MS) table().delete(id);
    else if (cameraId === undefined || viewer.cameraId === cameraId) count++;
  }
  return count;
}
