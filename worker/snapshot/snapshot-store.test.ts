import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSnapshot, renderSnapshot, snapshotWidths } from './render-snapshot.ts';
import { loadSnapshot, previewFile, saveSnapshot } from './snapshot-store.ts';

const widths = snapshotWidths(640);
const capturedAt = Date.parse('2025-07-01T12:30:00.250Z');

async function saved(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-store-'));
  const images = await renderSnapshot({ data: Buffer.alloc(640 * 360 * 3, 120), width: 640, height: 360 }, { width: 640, quality: 80 });
  await saveSnapshot(dir, createSnapshot(images, capturedAt));
  return dir;
}

describe('snapshot store', () => {
  it('gives back the same images, tags and capture time after a restart', async () => {
    const dir = await saved();
    const loaded = await loadSnapshot(dir, widths);
    expect(loaded?.capturedAt).toBe(capturedAt);
    expect(loaded?.lastModified).toBe('Tue, 01 Jul 2025 12:30:00 GMT');
    for (const width of widths) {
      expect(loaded?.images.get(width)?.body.equals(readFileSync(previewFile(dir, width)))).toBe(true);
      expect(loaded?.images.get(width)?.width).toBe(width);
    }
  });

  it('gives nothing rather than a damaged or mismatched image', async () => {
    expect(await loadSnapshot(mkdtempSync(join(tmpdir(), 'lookout-store-')), widths)).toBeUndefined();
    const dir = await saved();
    expect(await loadSnapshot(dir, snapshotWidths(1280))).toBeUndefined();
    const file = previewFile(dir, 320);
    writeFileSync(file, readFileSync(file).subarray(0, 500));
    expect(await loadSnapshot(dir, widths)).toBeUndefined();
    writeFileSync(join(dir, 'snapshot.json'), '{"capturedAt":');
    expect(await loadSnapshot(dir, widths)).toBeUndefined();
  });
});
