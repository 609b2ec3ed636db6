import type { Camera } from '../../lib/cameras.ts';

// ffmpeg 5.1 takes RTSP credentials only inside the URL, and an argument is readable by
// every local user (`ps`, /proc/<pid>/cmdline). So for a URL with credentials, ffmpeg
// reads a one-entry ffconcat script from a pipe on fd 3 instead: the concat demuxer opens
// the `file` URL with the `option` lines as that input's options. Checked with ffmpeg 5.1:
// SETUP asks for RTP/AVP/TCP, the I/O timeout applies, Basic auth carries the password,
// `-c:v copy` still cuts 2 s segments and lists them on stdout. A pipe rather than a
// 0600 file: the password never touches the disk, nothing to delete, nothing left behind
// by a SIGKILLed worker.
// Only then, because the concat route has costs: the stream is probed twice (inside the
// concat demuxer, then by ffmpeg), timestamps are rebased to 0, and errors come wrapped
// ("Impossible to open …", "async:pipe:3: …").
export const SOURCE_SCRIPT_FD = 3;
export const SOURCE_SCRIPT_INPUT = [
  '-f',
  'concat',
  '-safe',
  '0', // the entry is a URL, not a relative file name
  '-protocol_whitelist',
  'async,pipe,rtsp,rtsps,tcp,tls,udp,rtp,crypto',
  '-i',
  // Not plain `pipe:3`: an input named pipe:… turns off ffmpeg's keyboard commands, and the
  // supervisor stops ffmpeg with `q` (it would wait 2 s, then SIGTERM). `async:` reads the
  // same pipe through a small in-memory buffer.
  `async:pipe:${SOURCE_SCRIPT_FD}`,
];

export function hasCredentials(url: string): boolean {
  const parsed = new URL(url);
  return parsed.username !== '' || parsed.password !== '';
}

export function ioTimeoutMicros(camera: Pick<Camera, 'timeoutSeconds'>): string {
  return String(camera.timeoutSeconds * 1_000_000);
}

// Pure: the script ffmpeg reads on fd 3, or undefined when the URL may go on the command line.
export function buildSourceScript(camera: Camera): string | undefined {
  if (camera.kind !== 'rtsp' || !hasCredentials(camera.sourceUrl)) return undefined;
  return ['ffconcat version 1.0', `file ${quoteForConcat(camera.sourceUrl)}`, 'option rtsp_transport tcp', `option timeout ${ioTimeoutMicros(camera)}`, ''].join('\n');
}

// Inside '…' the concat demuxer takes every character literally, so a quote is written
// '\''. A line break would start a new directive: WHATWG URLs never contain one.
function quoteForConcat(value: string): string {
  if (/[\r\n]/.test(value)) throw new Error('a source URL cannot contain a line break');
  return `'${value.replaceAll("'", "'\\''")}'`;
}
