import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { withParentDeathSignal } from '../ingest/ffmpeg-process.ts';

export type GstCamera = { url: string; stop: () => Promise<void> };
export type GstCameraOptions = { port: number; size: string; frameRate: number; keyint: number; bFrames: number; tapFile: string };

// GStreamer's gst-rtsp-server as a camera nobody here wrote (worker/testing/gst-rtsp-camera.py),
// under Debian's python3 (python3-gi), which the pyenv python first on PATH lacks.
export async function startGstCamera(options: GstCameraOptions): Promise<GstCamera> {
  const script = 'worker/testing/gst-rtsp-camera.py';
  const args = [script, String(options.port), options.size, String(options.frameRate), String(options.keyint), String(options.bFrames), options.tapFile];
  const child = spawn(...withParentDeathSignal('/usr/bin/python3', args), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line === 'ready' && resolve());
    child.once('exit', (code) => reject(new Error(`gst-rtsp-camera exited (${code}): ${stderr}`)));
  });
  return {
    url: `rtsp://127.0.0.1:${options.port}/stream`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
