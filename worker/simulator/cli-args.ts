import { parseArgs } from 'node:util';
import type { CameraSimulatorOptions } from './camera-simulator.ts';
import { FAULT_MODES, type FaultMode, type FaultOptions } from './faults.ts';

export const CLI_USAGE = `Usage: npm run camera:sim -- [options]

  --rtsp-port <n>         RTSP port (default 8554, 0 = any free port)
  --tcp-port <n>          raw H.264 TCP port (default 5000)
  --control-port <n>      control API port (default 8555)
  --size <WxH>            picture size, even numbers (default 1280x720)
  --bitrate <kbps>        video bitrate (default 2500)
  --frame-rate <fps>      frames per second (default 25)
  --gop <seconds>         keyframe interval (default 1)
  --bframes <n>           B-frames between reference frames, 0-4 (default 0)
  --clock-offset=<s>      how far the camera's clock (RTCP sender reports) is off, in seconds (default 0)
  --path <path>           RTSP path (default /stream)
  --user <name>           require this user name (with --password)
  --password <secret>     require this password (with --user)
  --auth <scheme>         basic, digest or both (default both)
  --fault <mode>          start with a fault: ${FAULT_MODES.join(', ')}
  --mean-interval-ms <n>  lost-bytes: mean time between drops (default 3000)
  --delay-ms <n>          slow-start: silence before the first byte (default 5000)
  --hold-ms <n>           jitter: longest time a packet is held back (default 300)
  --ffmpeg <path>         ffmpeg binary (default ffmpeg)
  -h, --help              show this help`;

export type CliCommand = { help: true } | { help: false; options: CameraSimulatorOptions; fault: { mode: FaultMode; options: FaultOptions } | undefined };

export class CliUsageError extends Error {}

// Pure: argv (without node and the script) → what to start. Throws CliUsageError on bad input.
export function parseCliArgs(argv: string[]): CliCommand {
  const { values } = parseFlags(argv);
  if (values.help) return { help: true };
  if ((values.user === undefined) !== (values.password === undefined)) throw new CliUsageError('--user and --password go together');
  if (values.auth !== undefined && !['basic', 'digest', 'both'].includes(values.auth)) throw new CliUsageError(`--auth must be basic, digest or both, not "${values.auth}"`);
  if (values.fault !== undefined && !FAULT_MODES.includes(values.fault as FaultMode)) throw new CliUsageError(`--fault must be one of ${FAULT_MODES.join(', ')}, not "${values.fault}"`);
  const [width, height] = parseSize(values.size ?? '1280x720');
  const options: CameraSimulatorOptions = {
    rtspPort: parseInteger('--rtsp-port', values['rtsp-port'] ?? '8554', 0, 65_535),
    tcpPort: parseInteger('--tcp-port', values['tcp-port'] ?? '5000', 0, 65_535),
    controlPort: parseInteger('--control-port', values['control-port'] ?? '8555', 0, 65_535),
    width,
    height,
    bitrateKbps: parseInteger('--bitrate', values.bitrate ?? '2500', 50, 100_000),
    frameRate: parseInteger('--frame-rate', values['frame-rate'] ?? '25', 1, 120),
    gopSeconds: parseSeconds('--gop', values.gop ?? '1'),
    bFrames: parseInteger('--bframes', values.bframes ?? '0', 0, 4),
    path: values.path ?? '/stream',
    ffmpegPath: values.ffmpeg ?? 'ffmpeg',
    credentials: values.user === undefined ? undefined : { username: values.user, password: values.password! },
    authScheme: values.auth as CameraSimulatorOptions['authScheme'],
    clockOffsetMs: parseOffsetMs(values['clock-offset'] ?? '0'),
  };
  const faultOptions: FaultOptions = {};
  if (values['mean-interval-ms'] !== undefined) faultOptions.meanIntervalMs = parseInteger('--mean-interval-ms', values['mean-interval-ms'], 1, 3_600_000);
  if (values['delay-ms'] !== undefined) faultOptions.delayMs = parseInteger('--delay-ms', values['delay-ms'], 0, 3_600_000);
  if (values['hold-ms'] !== undefined) faultOptions.holdMs = parseInteger('--hold-ms', values['hold-ms'], 1, 10_000);
  const fault = values.fault === undefined ? undefined : { mode: values.fault as FaultMode, options: faultOptions };
  return { help: false, options, fault };
}

function parseFlags(argv: string[]) {
  const text = { type: 'string' } as const;
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        'rtsp-port': text,
        'tcp-port': text,
        'control-port': text,
        size: text,
        bitrate: text,
        'frame-rate': text,
        gop: text,
        bframes: text,
        'hold-ms': text,
        'clock-offset': text,
        path: text,
        user: text,
        password: text,
        auth: text,
        fault: text,
        'mean-interval-ms': text,
        'delay-ms': text,
        ffmpeg: text,
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
}

function parseInteger(flag: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) throw new CliUsageError(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
  return number;
}

function parseSeconds(flag: string, value: string): number {
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || number < 0.1 || number > 60) throw new CliUsageError(`${flag} must be a number of seconds from 0.1 to 60, not "${value}"`);
  return number;
}

function parseOffsetMs(value: string): number {
  const number = Number(value);
  if (!/^-?\d+(\.\d+)?$/.test(value) || Math.abs(number) > 10 * 365 * 86_400) throw new CliUsageError(`--clock-offset must be a number of seconds, at most ten years either way, not "${value}"`);
  return Math.round(number * 1000);
}

// libx264 with yuv420p needs even sides.
function parseSize(value: string): [number, number] {
  const match = /^(\d+)x(\d+)$/.exec(value);
  const [width, height] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || width < 64 || height < 64 || width > 7680 || height > 4320 || width % 2 || height % 2) {
    throw new CliUsageError(`--size must be WIDTHxHEIGHT with even numbers from 64x64 to 7680x4320, not "${value}"`);
  }
  return [width, height];
}
