// A cap on requests held open at once (LL-HLS blocking reloads): each costs a socket and some
// memory, and all of them are answered in the same instant when a segment is published.
// Past the cap a request is not held: the caller answers it at once with what it has.
export type HeldLimit = { tryHold: () => boolean; release: () => void; count: () => number };

export function createHeldLimit(max: number): HeldLimit {
  let held = 0;
  return {
    tryHold: () => (held < max ? (held++, true) : false),
    release: () => void (held = Math.max(0, held - 1)),
    count: () => held,
  };
}
