export const CLOCK_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
export const FRAME_RATE = 25;

export type EncoderSettings = { width: number; height: number; bitrateKbps: number };

// Pure: the ffmpeg command line of the fake camera. A test pattern with the wall clock burnt
// in, encoded in real time (-re) to H.264 Annex-B on stdout, one IDR every second.
export function buildEncoderArgs({ width, height, bitrateKbps }: EncoderSettings): string[] {
  const gop = String(FRAME_RATE);
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
    buildTestPattern(width, height),
    '-an',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'zerolatency',
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
    '-f',
    'h264',
    'pipe:1',
  ];
}

export function buildTestPattern(width: number, height: number): string {
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
  return `testsrc2=size=${width}x${height}:rate=${FRAME_RATE},${clock}`;
}
