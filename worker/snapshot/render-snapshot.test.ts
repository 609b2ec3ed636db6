import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderSnapshot, snapshotWidths } from './render-snapshot.ts';

const frame = (width: number, height: number) => ({ data: Buffer.alloc(width * height * 3, 90), width, height });

describe('snapshotWidths', () => {
  it('always has the two thumbnails, plus the configured width, in order', () => {
    expect(snapshotWidths(1280)).toEqual([320, 640, 1280]);
    expect(snapshotWidths(640)).toEqual([320, 640]);
    expect(snapshotWidths(480)).toEqual([320, 480, 640]);
    expect(snapshotWidths(160)).toEqual([160, 320, 640]);
  });
});

describe('renderSnapshot', () => {
  it('makes every width as a JPEG with the frame aspect, and never upscales', async () => {
    const images = await renderSnapshot(frame(800, 450), { width: 1280, quality: 80 });
    const sizes = await Promise.all([...images].map(async ([key, image]) => {
      const meta = await sharp(image.body).metadata();
      return [key, meta.format, meta.width, meta.height, image.width, image.height];
    }));
    expect(sizes).toEqual([
      [320, 'jpeg', 320, 180, 320, 180],
      [640, 'jpeg', 640, 360, 640, 360],
      [1280, 'jpeg', 800, 450, 800, 450],
    ]);
  });

  it('gives each distinct body its own strong ETag', async () => {
    const images = await renderSnapshot(frame(640, 360), { width: 640, quality: 80, label: { text: 'Roof · 1 Jul 2025 14:30', position: 'top-right' } });
    const tags = [...images.values()].map((i) => i.etag);
    expect(new Set(tags).size).toBe(2);
    for (const tag of tags) expect(tag).toMatch(/^"[\w-]{27}"$/);
  });
});
