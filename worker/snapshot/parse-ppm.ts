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
