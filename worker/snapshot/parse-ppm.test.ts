import { describe, expect, it } from 'vitest';
import { parsePpm, PpmSplitter, ppmFrameLength } from './parse-ppm.ts';

const ppm = (width: number, height: number, bytes = width * height * 3) => Buffer.concat([Buffer.from(`P6\n${width} ${height}\n255\n`), Buffer.alloc(bytes, 7)]);

describe('parsePpm', () => {
  it('reads the size and the packed RGB after the header', () => {
    const frame = parsePpm(ppm(4, 2));
    expect([frame.width, frame.height, frame.data.length, frame.data[0]]).toEqual([4, 2, 24, 7]);
  });

  it('keeps pixel bytes that look like whitespace', () => {
    const image = ppm(1, 1);
    image.fill(0x0a, image.length - 3);
    expect([...parsePpm(image).data]).toEqual([10, 10, 10]);
  });

  it('refuses a truncated frame, a long one and an empty one', () => {
    expect(() => parsePpm(ppm(4, 2, 23))).toThrow('truncated frame: 23 of 24 bytes');
    expect(() => parsePpm(ppm(4, 2, 25))).toThrow('truncated frame');
    expect(() => parsePpm(ppm(0, 2, 0))).toThrow('truncated frame');
    expect(() => parsePpm(Buffer.from('P6\n4 2\n'))).toThrow('not a PPM');
    expect(() => parsePpm(Buffer.alloc(0))).toThrow('not a PPM');
  });

  it('refuses other formats', () => {
    expect(() => parsePpm(Buffer.from('\x89PNG\r\n\x1a\n'))).toThrow('not a PPM');
    expect(() => parsePpm(Buffer.from('P5\n4 2\n255\n'))).toThrow('not a PPM');
    expect(() => parsePpm(Buffer.from('P6\n4 2\n65535\n'))).toThrow('not a PPM');
  });
});

describe('ppmFrameLength', () => {
  it('waits for a whole header, then gives header plus pixels', () => {
    expect(ppmFrameLength(Buffer.from('P'))).toBeUndefined();
    expect(ppmFrameLength(Buffer.from('P6\n1280 72'))).toBeUndefined();
    expect(ppmFrameLength(Buffer.from('P6\n1280 720\n255'))).toBeUndefined();
    expect(ppmFrameLength(Buffer.from('P6\n1280 720\n255\n'))).toBe(16 + 1280 * 720 * 3);
  });

  it('throws on anything that is not a PPM stream', () => {
    expect(() => ppmFrameLength(Buffer.from('ab'))).toThrow('other than PPM');
    expect(() => ppmFrameLength(Buffer.alloc(64, 0x50))).toThrow('other than PPM');
  });
});

describe('PpmSplitter', () => {
  const stream = Buffer.concat([ppm(4, 2), ppm(2, 1), ppm(3, 3)]);

  it('gives whole frames however the stream is cut', () => {
    for (const size of [1, 5, 17, 64, stream.length]) {
      const splitter = new PpmSplitter();
      const frames: Buffer[] = [];
      for (let at = 0; at < stream.length; at += size) frames.push(...splitter.push(stream.subarray(at, at + size)));
      expect(frames.map((f) => [parsePpm(f).width, parsePpm(f).height]), `chunks of ${size}`).toEqual([[4, 2], [2, 1], [3, 3]]);
    }
  });

  it('drops the frames it is told to skip, and keeps what follows them', () => {
    const splitter = new PpmSplitter();
    splitter.skip = 2;
    const frames = [...splitter.push(stream.subarray(0, 30)), ...splitter.push(stream.subarray(30))];
    expect(frames.map((f) => parsePpm(f).width)).toEqual([3]);
    expect(splitter.skip).toBe(0);
  });
});
