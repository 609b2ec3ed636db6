import { createHash } from 'node:crypto';
import sharp, { type Gravity, type Sharp } from 'sharp';
import type { ParsedCamera } from '../../lib/config/camera-schema.ts';
import type { RawFrame } from './parse-ppm.ts';
import { renderTextBox } from './render-text-box.ts';

export type OverlayPosition = ParsedCamera['snapshot']['overlayPosition'];
export type SnapshotImage = { body: Buffer; etag: string; width: number; height: number };
// capturedAt: when the camera took the frame (its segment's program date-time), sent as
// Last-Modified. changedAt: when these bytes were made, for If-Modified-Since; later than
// capturedAt only for the offline version, so a client holding the plain picture gets the band.
export type Snapshot = { images: ReadonlyMap<number, SnapshotImage>; capturedAt: number; changedAt: number; lastModified: string };
export type RenderOptions = { width: number; quality: number; label?: { text: string; position: OverlayPosition } };

// Thumbnails for grids and social cards, made with the main image, never per request.
export const THUMB_WIDTHS = [320, 640] as const;

const GRAVITY: Record<OverlayPosition, Gravity> = { 'top-left': 'northwest', 'top-right': 'northeast', 'bottom-left': 'southwest', 'bottom-right': 'southeast' };

export function snapshotWidths(width: number): number[] {
  return [...new Set<number>([...THUMB_WIDTHS, width])].sort((a, b) => a - b);
}

// One grabbed frame becomes every width: scaled (keeping aspect, never up), optionally
// labelled with the camera name and time, encoded with mozjpeg. The big frame is scaled
// once; the thumbnails come from that smaller copy.
export async function renderSnapshot(frame: RawFrame, options: RenderOptions): Promise<Map<number, SnapshotImage>> {
  const widths = snapshotWidths(options.width);
  const base = await scaleRaw(frame, Math.min(widths.at(-1)!, frame.width));
  const images = new Map<number, SnapshotImage>();
  for (const width of widths) {
    const outWidth = Math.min(width, base.width);
    let pipeline = sharp(base.data, { raw: { width: base.width, height: base.height, channels: 3 } });
    if (outWidth < base.width) pipeline = pipeline.resize({ width: outWidth });
    if (options.label) pipeline = pipeline.composite([{ input: await labelBox(options.label.text, outWidth), gravity: GRAVITY[options.label.position] }]);
    images.set(width, await encodeJpeg(pipeline, options.quality));
  }
  return images;
}

async function scaleRaw(frame: RawFrame, width: number): Promise<RawFrame> {
  if (width === frame.width) return frame;
  const { data, info } = await sharp(frame.data, { raw: { width: frame.width, height: frame.height, channels: 3 } }).resize({ width }).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

// The label's text changes once a minute at most: most grabs reuse its box.
const boxes = new Map<string, Promise<Buffer>>();
function labelBox(text: string, width: number): Promise<Buffer> {
  const key = `${width} ${text}`;
  let box = boxes.get(key);
  if (!box) {
    const fontPx = Math.min(64, Math.max(11, Math.round(width / 46)));
    box = renderTextBox(text, width, { fontPx, fill: '#000', opacity: 0.55, margin: Math.round(fontPx / 2) });
    box.catch(() => boxes.delete(key));
    boxes.set(key, box);
    if (boxes.size > 48) boxes.delete(boxes.keys().next().value!);
  }
  return box;
}

export async function encodeJpeg(pipeline: Sharp, quality: number): Promise<SnapshotImage> {
  const { data, info } = await pipeline.jpeg({ quality, mozjpeg: true }).toBuffer({ resolveWithObject: true });
  return toSnapshotImage(data, info.width, info.height);
}

export function toSnapshotImage(body: Buffer, width: number, height: number): SnapshotImage {
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"`, width, height };
}

export function createSnapshot(images: ReadonlyMap<number, SnapshotImage>, capturedAt: number, changedAt = capturedAt): Snapshot {
  return { images, capturedAt, changedAt, lastModified: new Date(capturedAt).toUTCString() };
}
