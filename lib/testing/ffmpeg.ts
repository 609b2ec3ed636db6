import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Decodes a media file fully and returns ffmpeg's error lines (empty = clean). -xerror
// turns H.264's quietly concealed damage ("corrupt decoded frame") into an error;
// -fps_mode drop keeps wall-clock timestamp jitter (raw TCP cameras) from counting as one.
export async function decodeErrors(file: string): Promise<string[]> {
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-xerror', '-i', file, '-map', '0:v:0', '-fps_mode', 'drop', '-f', 'null', '-'];
  const { stderr } = await run('ffmpeg', args).catch((e: { stderr?: string }) => ({ stderr: e.stderr ?? 'ffmpeg failed' }));
  return stderr.split('\n').filter(Boolean);
}

// Processes (pid, command line) whose command line mentions `needle`: finds orphans.
export function processesMatching(needle: string): { pid: number; cmdline: string }[] {
  const found: { pid: number; cmdline: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(needle)) found.push({ pid: Number(entry), cmdline });
    } catch {
      // exited meanwhile
    }
  }
  return found;
}
