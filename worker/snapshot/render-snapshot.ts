import { createHash } from 'node:crypto';
import sharp from 'sharp';

export type SnapshotImage = { body: Buffer; etag: string; width: number; height: number };
export const THUMB_WIDTHS = [320, 640] as const;

// One grab becomes every width at once: the configured one and the two thumbnails.
export async function renderSnapshot(png: Buffer, width: number, quality: number): Promise<Map<number, SnapshotImage>> {
  const widths = [...new Set([width, ...THUMB_WIDTHS])];
  const out = new Map<number, SnapshotImage>();
  await Promise.all(
    widths.map(async (w) => {
      const { data, info } = await sharp(png).resize({ width: w, withoutEnlargement: true }).jpeg({ quality, mozjpeg: true }).toBuffer({ resolveWithObject: true });
      out.set(w, { body: data, etag: `"${createHash('sha1').update(data).digest('base64url')}"`, width: info.width, height: info.height });
    }),
  );
  return out;
}
