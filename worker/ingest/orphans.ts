import { mkdir, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// If the worker was SIGKILLed, its ffmpeg notices only at its next segment (broken
// stdout pipe) or never (a hung camera). The next worker start finishes the job.
export async function recordIngestPid(runDir: string, cameraId: string, pid: number | undefined): Promise<void> {
  if (pid === undefined) return;
  await mkdir(runDir, { recursive: true });
  await writeFile(join(runDir, `${cameraId}.pid`), String(pid));
}

export async function killOrphanedIngests(runDir: string, stagingRoot: string): Promise<number[]> {
  const files = await readdir(runDir).catch(() => [] as string[]);
  const killed: number[] = [];
  for (const file of files.filter((f) => f.endsWith('.pid'))) {
    const pid = Number(await readFile(join(runDir, file), 'utf8').catch(() => ''));
    // Only an ffmpeg that writes into our staging area: a recycled pid is left alone.
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    if (pid > 0 && cmdline.includes('ffmpeg') && cmdline.includes(stagingRoot)) {
      try {
        process.kill(-pid, 'SIGKILL');
        killed.push(pid);
      } catch {
        // gone meanwhile
      }
    }
    await unlink(join(runDir, file)).catch(() => {});
  }
  return killed;
}
