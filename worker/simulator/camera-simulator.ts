import { startControlServer, type ControlServer } from './control-server.ts';
import { LISTEN_HOST, type ServerStats } from './fault-aware-server.ts';
import { faultRequestSchema, resolveFault, selectServers, type FaultMode, type FaultOptions, type ServerName } from './faults.ts';
import { FRAME_RATE } from './build-encoder-args.ts';
import { H264Encoder } from './h264-encoder.ts';
import { createRawH264Server } from './raw-h264-server.ts';
import type { AuthScheme, Credentials } from './rtsp-auth.ts';
import { createRtspServer } from './rtsp-server.ts';

export type CameraSimulatorOptions = {
  rtspPort?: number;
  tcpPort?: number;
  controlPort?: number;
  width?: number;
  height?: number;
  bitrateKbps?: number;
  frameRate?: number;
  gopSeconds?: number;
  bFrames?: number;
  credentials?: Credentials;
  authScheme?: AuthScheme;
  ffmpegPath?: string;
  path?: string;
  clockOffsetMs?: number; // how wrong the camera's clock is, in its RTCP sender reports
};

export type SimulatorStatus = {
  encoder: { pid: number | null; running: boolean; frames: number; width: number; height: number; bitrateKbps: number; frameRate: number; gopSeconds: number; bFrames: number };
  rtsp: ServerStats;
  tcp: ServerStats;
};

export type CameraSimulator = {
  rtspUrl: string; // carries the credentials, when there are any
  tcpUrl: string;
  controlUrl: string;
  encoderExited: H264Encoder['exited'];
  setFault: (mode: FaultMode, options?: FaultOptions) => Promise<SimulatorStatus>;
  stats: () => SimulatorStatus;
  stop: () => Promise<void>;
};

const FIRST_KEYFRAME_TIMEOUT_MS = 20_000;

// A fake IP camera on 127.0.0.1: one ffmpeg encoder feeding an RTSP server and a raw
// H.264 TCP server, faults switchable at run time in code or over the control API.
export async function startCameraSimulator(options: CameraSimulatorOptions = {}): Promise<CameraSimulator> {
  const settings = { width: options.width ?? 1280, height: options.height ?? 720, bitrateKbps: options.bitrateKbps ?? 2500, frameRate: options.frameRate ?? FRAME_RATE, gopSeconds: options.gopSeconds ?? 1, bFrames: options.bFrames ?? 0 };
  const path = `/${(options.path ?? '/stream').replace(/^\/+/, '')}`;
  const encoder = new H264Encoder(options.ffmpegPath ?? 'ffmpeg', settings);
  const servers: Record<ServerName, ReturnType<typeof createRawH264Server>> = {
    rtsp: createRtspServer({ port: options.rtspPort ?? 0, encoder, path, credentials: options.credentials, authScheme: options.authScheme, clockOffsetMs: options.clockOffsetMs }),
    tcp: createRawH264Server(options.tcpPort ?? 0, encoder),
  };
  let control: ControlServer | undefined;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await control?.stop();
      await Promise.all([servers.rtsp.stop(), servers.tcp.stop()]);
      await encoder.stop();
    })());
  const stats = (): SimulatorStatus => ({
    encoder: { pid: encoder.pid ?? null, running: encoder.isRunning, frames: encoder.frames, ...settings },
    rtsp: servers.rtsp.stats(),
    tcp: servers.tcp.stats(),
  });
  const setFault = async (mode: FaultMode, faultOptions: FaultOptions = {}) => {
    const { mode: checkedMode, ...checked } = faultRequestSchema.parse({ ...faultOptions, mode });
    const fault = resolveFault(checkedMode, checked);
    await Promise.all(selectServers(checked).map((name) => servers[name].setFault(fault)));
    return stats();
  };
  try {
    const [rtspPort, tcpPort] = await Promise.all([servers.rtsp.listen(), servers.tcp.listen()]);
    control = await startControlServer(options.controlPort ?? 0, { getStatus: stats, setFault });
    await waitForFirstKeyframe(encoder);
    return {
      rtspUrl: `rtsp://${formatUserInfo(options.credentials)}${LISTEN_HOST}:${rtspPort}${path}`,
      tcpUrl: `tcp://${LISTEN_HOST}:${tcpPort}`,
      controlUrl: `http://${LISTEN_HOST}:${control.port}`,
      encoderExited: encoder.exited,
      setFault,
      stats,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

// For logs and terminals: the URL with its password replaced by ***.
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*):[^@/]*@/i, '$1:***@');
}

function formatUserInfo(credentials: Credentials | undefined): string {
  if (!credentials) return '';
  return `${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}@`;
}

async function waitForFirstKeyframe(encoder: H264Encoder): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no keyframe from the encoder within ${FIRST_KEYFRAME_TIMEOUT_MS} ms`)), FIRST_KEYFRAME_TIMEOUT_MS);
  });
  try {
    await Promise.race([encoder.firstKeyframe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
