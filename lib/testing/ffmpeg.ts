import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

// Decodes a media file fully and returns ffmpeg's error lines (empty = clean).
export async function decodeErrors(file: string): Promise<string[]> {
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-nostdin', '-v', 'error', '-i', file, '-f', 'null', '-']).catch((e: { stderr?: string }) => ({ stderr: e.stderr ?? 'ffmpeg failed' }));
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
