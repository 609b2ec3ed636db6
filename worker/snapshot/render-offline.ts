import sharp from 'sharp';
import { encodeJpeg, type OverlayPosition, type SnapshotImage } from './render-snapshot.ts';
import { renderTextBox } from './render-text-box.ts';

// The last good image with a full-width "Offline since …" band, made once when the
// camera goes stale. The band sits on the edge the name/time label does not use.
export async function renderOffline(images: ReadonlyMap<number, SnapshotImage>, text: string, labelPosition: OverlayPosition | undefined, quality: number): Promise<Map<number, SnapshotImage>> {
  const gravity = labelPosition?.startsWith('top') ? 'south' : 'north';
  const entries = await Promise.all(
    [...images].map(async ([key, image]) => {
      const fontPx = Math.min(72, Math.max(12, Math.round(image.width / 36)));
      const band = await renderTextBox(text, image.width, { fontPx, fill: '#b00020', opacity: 0.85, width: image.width });
      return [key, await encodeJpeg(sharp(image.body).composite([{ input: band, gravity }]), quality)] as const;
    }),
  );
  return new Map(entries);
}
