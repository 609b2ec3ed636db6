import type { Camera } from '../../lib/cameras.ts';

export const TEST_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

export const SEGMENT_TIME_DELTA = '0.3';

export type IngestTarget = {
  stagingDir: string;
  runId: string; // unique per ffmpeg start: segment names can never repeat
};

// Pure: the exact ffmpeg argument list for one camera. Video is copied, never re-encoded,
// except for the built-in test camera, which has to be encoded from a test pattern.
// Completed segments are announced as CSV lines on stdout; the publisher takes it from there.
export function buildIngestArgs(camera: Camera, target: IngestTarget): string[] {
  return [
    '-hide_banner',
    '-nostats',
    '-loglevel',
    'warning',
    ...buildInputArgs(camera),
    '-map',
    '0:v:0',
    ...buildCodecArgs(camera),
    '-an',
    '-f',
    'segment',
    '-segment_format',
    'mpegts',
    '-segment_time',
    String(camera.segmentSeconds),
    // A keyframe a hair early (RTSP start-up offsets, wall-clock jitter) still cuts: without
    // this a 1.96 s keyframe waits for the next one and makes a 3 s segment (> target).
    '-segment_time_delta',
    SEGMENT_TIME_DELTA,
    '-reset_timestamps',
    '0',
    '-segment_list',
    'pipe:1',
    '-segment_list_type',
    'csv',
    `${target.stagingDir}/${target.runId}-%06d.ts`,
  ];
}

function buildInputArgs(camera: Camera): string[] {
  switch (camera.kind) {
    case 'test':
      return ['-re', '-f', 'lavfi', '-i', buildTestPattern()];
    case 'rtsp':
    case 'tcp':
      // The worker's own reader (rtsp/rtsp-source.ts, tcp-source.ts) writes the camera's
      // H.264 to stdin as FLV carrying the camera's timing (feed/ingest-feed.ts): the URL and
      // its credentials never reach ffmpeg. The timestamps are given, so nothing is probed
      // for: the stream is known from its first tags and ffmpeg starts at once.
      return ['-f', 'flv', '-probesize', '32', '-analyzeduration', '0', '-fpsprobesize', '0', '-i', 'pipe:0'];
    case 'file':
      return ['-re', '-stream_loop', '-1', '-i', decodeURIComponent(new URL(camera.sourceUrl).pathname)];
  }
}

function buildCodecArgs(camera: Camera): string[] {
  if (camera.kind !== 'test') return ['-c:v', 'copy'];
  const gop = '25'; // one keyframe a second divides every whole segment duration
  return ['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p', '-g', gop, '-keyint_min', gop, '-sc_threshold', '0', '-b:v', '2500k', '-maxrate', '2500k', '-bufsize', '5000k'];
}

// 1280x720 at 25 fps with the wall-clock time burnt in, a keyframe every second.
export function buildTestPattern(): string {
  const clock = `drawtext=fontfile=${TEST_FONT}:text='%{localtime}':fontsize=56:fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=12:x=w-tw-44:y=h-th-44`;
  return `testsrc2=size=1280x720:rate=25,${clock}`;
}
