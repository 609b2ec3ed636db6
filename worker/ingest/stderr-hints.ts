// Turns ffmpeg's stderr into one plain-language hint for the owner's health view.
const HINTS: [RegExp, string][] = [
  [/401 Unauthorized|Unauthorized|authorization failed/i, 'wrong camera password or user name'],
  [/Connection refused/i, 'connection refused: is the camera on and the port right?'],
  [/Connection timed out|timed out|Operation timed out/i, 'timeout: the camera did not answer'],
  [/No route to host|Network is unreachable/i, 'camera unreachable on the network'],
  [/Name or service not known|Temporary failure in name resolution|Failed to resolve/i, 'camera host name does not resolve'],
  [/404 Not Found/i, 'stream path not found on the camera (404)'],
  [/does not contain any stream|Output file #0 does not contain any stream|matches no streams/i, 'no video stream from the camera'],
  [/Invalid data found when processing input/i, 'the camera sent data ffmpeg cannot read (wrong URL or format?)'],
  [/No such file or directory/i, 'file not found'],
  [/error while decoding|corrupt|non-existing PPS|decode_slice_header error|concealing/i, 'corrupt video from the camera (lost bytes)'],
];

export function hintForStderr(line: string): string | undefined {
  for (const [pattern, hint] of HINTS) if (pattern.test(line)) return hint;
  return undefined;
}
