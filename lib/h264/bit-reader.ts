// Reads the RBSP of one NAL unit (H.264 7.2): fixed-width fields and exp-Golomb codes.
// Emulation-prevention bytes (00 00 03) are removed first, as the spec requires.
export class BitReader {
  private pos = 0;
  private readonly data: Buffer;

  constructor(nal: Buffer) {
    this.data = removeEmulationPrevention(nal);
  }

  // Bits read so far, in the RBSP (emulation prevention removed).
  get position(): number {
    return this.pos;
  }

  get bitsLeft(): number {
    return this.data.length * 8 - this.pos;
  }

  bit(): number {
    if (this.pos >= this.data.length * 8) throw new H264ParseError('read past the end of the NAL unit');
    const value = (this.data[this.pos >> 3]! >> (7 - (this.pos & 7))) & 1;
    this.pos++;
    return value;
  }

  flag(): boolean {
    return this.bit() === 1;
  }

  bits(count: number): number {
    let value = 0;
    for (let i = 0; i < count; i++) value = value * 2 + this.bit();
    return value;
  }

  skip(count: number): void {
    this.bits(count);
  }

  // ue(v), 9.1: leading zeros, a one, then as many bits again.
  ue(): number {
    let zeros = 0;
    while (this.bit() === 0) {
      if (++zeros > 31) throw new H264ParseError('exp-Golomb code longer than 32 bits');
    }
    return 2 ** zeros - 1 + this.bits(zeros);
  }

  // se(v), 9.1.1: 1, 2, 3, 4 → 1, -1, 2, -2.
  se(): number {
    const k = this.ue();
    return k % 2 === 1 ? (k + 1) / 2 : -(k / 2);
  }
}

export class H264ParseError extends Error {}

export function removeEmulationPrevention(nal: Buffer): Buffer {
  let zeros = 0;
  let found = -1;
  for (let i = 0; i < nal.length && found < 0; i++) {
    if (zeros >= 2 && nal[i] === 3) found = i;
    zeros = nal[i] === 0 ? zeros + 1 : 0;
  }
  if (found < 0) return nal;
  const out = Buffer.alloc(nal.length);
  let length = 0;
  zeros = 0;
  for (let i = 0; i < nal.length; i++) {
    const byte = nal[i]!;
    if (zeros >= 2 && byte === 3) {
      zeros = 0;
      continue;
    }
    out[length++] = byte;
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return out.subarray(0, length);
}
