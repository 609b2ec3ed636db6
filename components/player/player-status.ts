export type PlayerPhase = 'loading' | 'playing' | 'recovering' | 'offline' | 'paused';

export type PlayerStats = {
  latencySeconds: number | null;
  bufferSeconds: number;
  resolution: string | null;
  bitrateKbps: number | null;
  droppedFrames: number;
  decodedFrames: number;
};

export type PlayerStatus = {
  phase: PlayerPhase;
  behindLive: boolean;
  offlineSince: number | null; // ms since epoch of the last new segment seen
  rebuilds: number;
  stats: PlayerStats;
};

export const INITIAL_STATUS: PlayerStatus = {
  phase: 'loading',
  behindLive: false,
  offlineSince: null,
  rebuilds: 0,
  stats: { latencySeconds: null, bufferSeconds: 0, resolution: null, bitrateKbps: null, droppedFrames: 0, decodedFrames: 0 },
};
