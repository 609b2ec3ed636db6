import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { CameraSimulatorOptions, SimulatorStatus } from '../simulator/camera-simulator.ts';
import type { FaultMode, FaultOptions } from '../simulator/faults.ts';
import { withParentDeathSignal } from '../ingest/ffmpeg-process.ts';

export type SimulatorProcess = {
  rtspUrl: string; // with the credentials, when there are any
  tcpUrl: string;
  controlUrl: string;
  setFault: (mode: FaultMode, options?: FaultOptions) => Promise<SimulatorStatus>;
  stats: () => Promise<SimulatorStatus>;
  stop: () => Promise<void>;
};

// The fake camera as its own process, driven over its control API, as a camera is its own
// device: its frame pacing cannot be held up by the worker's event loop in the test process.
export async function spawnSimulator(options: CameraSimulatorOptions = {}): Promise<SimulatorProcess> {
  const args = ['--import', 'tsx', 'worker/simulator/cli.ts', '--rtsp-port', '0', '--tcp-port', '0', '--control-port', '0'];
  if (options.width && options.height) args.push('--size', `${options.width}x${options.height}`);
  if (options.bitrateKbps) args.push('--bitrate', String(options.bitrateKbps));
  if (options.frameRate) args.push('--frame-rate', String(options.frameRate));
  if (options.gopSeconds) args.push('--gop', String(options.gopSeconds));
  if (options.bFrames) args.push('--bframes', String(options.bFrames));
  if (options.clockOffsetMs) args.push(`--clock-offset=${options.clockOffsetMs / 1000}`);
  if (options.credentials) args.push('--user', options.credentials.username, '--password', options.credentials.password);
  const child = spawn(...withParentDeathSignal(process.execPath, args), { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const urls = await new Promise<Record<string, string>>((resolve, reject) => {
    const found: Record<string, string> = {};
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^\s+(RTSP|TCP|Control)\s+(\S+)/.exec(line);
      if (match) found[match[1]!] = match[2]!;
      if (found.RTSP && found.TCP && found.Control) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`camera simulator exited (${code}): ${stderr}`)));
  });
  const controlUrl = urls.Control!;
  const rtsp = new URL(urls.RTSP!);
  if (options.credentials) {
    rtsp.username = encodeURIComponent(options.credentials.username);
    rtsp.password = encodeURIComponent(options.credentials.password);
  }
  const call = async (path: string, body?: unknown): Promise<SimulatorStatus> => {
    const response = await fetch(`${controlUrl}${path}`, body ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) } : {});
    if (!response.ok) throw new Error(`simulator ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as SimulatorStatus;
  };
  let stopped: Promise<void> | undefined;
  return {
    rtspUrl: rtsp.toString(),
    tcpUrl: urls.TCP!,
    controlUrl,
    setFault: (mode, faultOptions = {}) => call('/fault', { mode, ...faultOptions }),
    stats: () => call('/status'),
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      })),
  };
}
