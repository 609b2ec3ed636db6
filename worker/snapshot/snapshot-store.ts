import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../../lib/write-file-atomic.ts';
import { createSnapshot, toSnapshotImage, type Snapshot, type SnapshotImage } from './render-snapshot.ts';

const META = 'snapshot.json';

export function previewFile(dir: string, width: number): string {
  return join(dir, `preview-${width}.jpg`);
}

// The last good image on disk, each file written atomically (a reader sees the old JPEG or
// the new one, never half), so a restarted worker can still show it while the camera is off.
export async function saveSnapshot(dir: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dir, { recursive: true });
  await Promise.all([...snapshot.images].map(([width, image]) => writeFileAtomic(previewFile(dir, width), image.body)));
  await writeFileAtomic(join(dir, META), JSON.stringify({ capturedAt: snapshot.capturedAt, widths: [...snapshot.images.keys()] }));
}

// Undefined when there is nothing usable: no files, other widths configured, or damage.
export async function loadSnapshot(dir: string, widths: readonly number[]): Promise<Snapshot | undefined> {
  try {
    const meta = JSON.parse(await readFile(join(dir, META), 'utf8')) as { capturedAt?: unknown; widths?: unknown };
    if (typeof meta.capturedAt !== 'number' || JSON.stringify(meta.widths) !== JSON.stringify(widths)) return undefined;
    const images = await Promise.all(widths.map(async (width) => [width, await readJpeg(previewFile(dir, width))] as const));
    return createSnapshot(new Map(images), meta.capturedAt);
  } catch {
    return undefined;
  }
}

async function readJpeg(file: string): Promise<SnapshotImage> {
  const body = await readFile(file);
  const { format, width, height } = await sharp(body).metadata();
  const whole = body.at(-2) === 0xff && body.at(-1) === 0xd9; // ends with the EOI marker
  if (format !== 'jpeg' || !whole || !width || !height) throw new Error(`${file} is not a whole JPEG`);
  return toSnapshotImage(body, width, height);
}
