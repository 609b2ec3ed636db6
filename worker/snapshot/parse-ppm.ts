export type RawFrame = { data: Buffer; width: number; height: number };

const HEADER = /^P6\s+(\d+)\s+(\d+)\s+255\s/;

// ffmpeg's binary PPM (P6, maxval 255): a short text header, then packed RGB. Raw pixels
// spare ffmpeg a PNG encode and sharp a PNG decode on every grab.
export function parsePpm(buffer: Buffer): RawFrame {
  const header = HEADER.exec(buffer.subarray(0, 64).toString('latin1'));
  if (!header) throw new Error('the frame is not a PPM image');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const data = buffer.subarray(header[0].length);
  const expected = width * height * 3;
  if (width === 0 || height === 0 || data.length !== expected) throw new Error(`truncated frame: ${data.length} of ${expected} bytes`);
  return { data, width, height };
}

// The byte length of the PPM that `head` starts (header + pixels), once the header is in.
export function ppmFrameLength(head: Buffer): number | undefined {
  const header = HEADER.exec(head.subarray(0, 64).toString('latin1'));
  if (header) return header[0].length + Number(header[1]) * Number(header[2]) * 3;
  if (head.length >= 64 || (head.length >= 2 && head.subarray(0, 2).toString('latin1') !== 'P6')) throw new Error('the decoder wrote something other than PPM');
  return undefined;
}

// Cuts ffmpeg's stream of PPMs into frames. Chunks are joined once per frame (a 1080p
// frame arrives in ~100 pieces); the next `skip` frames are dropped without being joined.
export class PpmSplitter {
  skip = 0;
  private chunks: Buffer[] = [];
  private bytes = 0;

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    const frames: Buffer[] = [];
    for (let first = this.chunks[0]; first; first = this.chunks[0]) {
      const length = ppmFrameLength(first.length >= 64 ? first : Buffer.concat(this.chunks));
      if (length === undefined || this.bytes < length) break;
      if (this.skip > 0) {
        this.skip--;
        this.drop(length);
        continue;
      }
      const all = Buffer.concat(this.chunks, this.bytes);
      frames.push(all.subarray(0, length));
      this.chunks = all.length > length ? [all.subarray(length)] : [];
      this.bytes -= length;
    }
    return frames;
  }

  private drop(length: number): void {
    this.bytes -= length;
    while (length > 0) {
      const chunk = this.chunks.shift()!;
      if (chunk.length > length) this.chunks.unshift(chunk.subarray(length));
      length -= chunk.length;
    }
  }
}
