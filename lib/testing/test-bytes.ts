// Test helpers: deterministic randomness and hand-made H.264 NAL units.
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0; // mulberry32
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

export function randomBytesFrom(random: () => number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return bytes;
}

// A NAL unit of `type` whose payload holds no start-code-like run (no two zero bytes in a row).
export function makeNal(type: number, length: number, firstMbIsZero = true): Buffer {
  const nal = Buffer.alloc(length, 0xab);
  nal[0] = 0x60 | type;
  if (length > 1) nal[1] = firstMbIsZero ? 0x88 : 0x24;
  return nal;
}

// Cuts `buffer` at the given offsets.
export function splitAt(buffer: Buffer, cuts: number[]): Buffer[] {
  const sorted = [0, ...[...new Set(cuts)].sort((a, b) => a - b), buffer.length];
  return sorted.slice(1).map((end, i) => buffer.subarray(sorted[i], end));
}
