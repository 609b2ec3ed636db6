import { spawn } from 'node:child_process';

export type IntegrityMode = 'full' | 'keyframes' | 'off';
export type SegmentCheck = { ok: boolean; errors: string[] };

// Decodes a finished segment and reports decode errors. A camera that loses bytes
// (the old live555 bug) produces segments with corrupt slices that freeze browsers,
// so such a segment must never be published. `keyframes` decodes only the IDR frames.
export function checkSegment(ffmpegPath: string, file: string, mode: IntegrityMode): Promise<SegmentCheck> {
  if (mode === 'off') return Promise.resolve({ ok: true, errors: [] });
  const skip = mode === 'keyframes' ? ['-skip_frame', 'nokey'] : [];
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-threads', '1', ...skip, '-i', file, '-map', '0:v:0', '-f', 'null', '-'];
  return new Promise((resolve) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString();
    });
    child.on('error', (error) => resolve({ ok: false, errors: [error.message] }));
    child.on('close', (code) => {
      const errors = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
      resolve({ ok: code === 0 && errors.length === 0, errors: code === 0 ? errors : [...errors, `ffmpeg exited with ${code}`] });
    });
  });
}
