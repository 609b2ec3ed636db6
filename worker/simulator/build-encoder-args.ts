export const CLOCK_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
export const FRAME_RATE = 25;

export type EncoderSettings = { width: number; height: number; bitrateKbps: number; frameRate?: number; gopSeconds?: number; bFrames?: number };

// Pure: the ffmpeg command line of the fake camera. A test pattern with the wall clock and
// a frame counter burnt in, encoded in real time (-re) to H.264 in FLV on stdout (FLV, so
// that each frame keeps the encoder's own timestamps), one IDR every `gopSeconds`. Without
// B-frames the encoder is tuned for zero latency, as most IP cameras are; with them it is
// not (x264's zerolatency turns them off), as in any x264 or GStreamer default.
export function buildEncoderArgs({ width, height, bitrateKbps, frameRate = FRAME_RATE, gopSeconds = 1, bFrames = 0 }: EncoderSettings): string[] {
  const gop = String(Math.max(1, Math.round(gopSeconds * frameRate)));
  const tune = bFrames > 0 ? ['-bf', String(bFrames)] : ['-tune', 'zerolatency'];
  return [
    '-hide_banner',
    '-nostdin',
    '-nostats',
    '-loglevel',
    'warning',
    '-re',
    '-f',
    'lavfi',
    '-i',
    buildTestPattern(width, height, frameRate),
    '-an',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    ...tune,
    '-pix_fmt',
    'yuv420p',
    '-g',
    gop,
    '-keyint_min',
    gop,
    '-sc_threshold',
    '0',
    '-b:v',
    `${bitrateKbps}k`,
    '-maxrate',
    `${bitrateKbps}k`,
    '-bufsize',
    `${bitrateKbps * 2}k`,
    '-flush_packets',
    '1', // each frame leaves at once, as from a camera, not in 32 KB blocks
    '-f',
    'flv',
    'pipe:1',
  ];
}

export function buildTestPattern(width: number, height: number, frameRate = FRAME_RATE): string {
  const fontSize = Math.max(16, Math.round(height / 13));
  const margin = Math.round(fontSize * 0.8);
  const clock = [
    `drawtext=fontfile=${CLOCK_FONT}`,
    `text='%{localtime}'`,
    `fontsize=${fontSize}`,
    'fontcolor=white',
    'box=1',
    'boxcolor=black@0.6',
    `boxborderw=${Math.round(fontSize / 5)}`,
    `x=w-tw-${margin}`,
    `y=h-th-${margin}`,
  ].join(':');
  return `testsrc2=size=${width}x${height}:rate=${frameRate},${clock},${buildFrameCounter()}`;
}

export const COUNTER_BITS = 12;
export const COUNTER_CELL = 16;

// The frame number as COUNTER_BITS white-or-black 16-pixel squares along the top-left edge,
// lowest bit first, so a test can read each decoded frame's number and check display order.
export function buildFrameCounter(): string {
  const strip = `drawbox=x=0:y=0:w=${COUNTER_BITS * COUNTER_CELL}:h=${COUNTER_CELL}:color=black:t=fill`;
  const bits = Array.from({ length: COUNTER_BITS }, (_, k) => `drawbox=x=${k * COUNTER_CELL}:y=0:w=${COUNTER_CELL}:h=${COUNTER_CELL}:color=white:t=fill:enable='mod(floor(n/${2 ** k}),2)'`);
  return [strip, ...bits].join(',');
}
