import { spawn } from 'node:child_process';

// The first keyframe of a published (so already integrity-checked) segment, as PNG.
// Decoding only keyframes keeps a grab at ~0.1 s of CPU.
export function grabFrame(ffmpegPath: string, segment: string): Promise<Buffer> {
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-threads', '1', '-skip_frame', 'nokey', '-i', segment, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', '-compression_level', '0', 'pipe:1'];
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const png = Buffer.concat(chunks);
      if (code === 0 && png.length > 0) resolve(png);
      else reject(new Error(`frame grab failed (${code}): ${stderr.trim().split('\n')[0] ?? ''}`));
    });
  });
}
