import { getEnv } from './env.ts';
import { parsePlaylist } from './hls/parse-playlist.ts';

// The newest segments of a camera's playlist, read from the origin while the page renders,
// so the browser can fetch them in parallel with the JavaScript (segments are immutable,
// so hls.js then finds them in the HTTP cache). A slow origin just means no hints.
export async function getLiveEdgeUrls(cameraId: string, count = 2): Promise<string[]> {
  try {
    const response = await fetch(`${getEnv().ORIGIN_URL}/hls/${cameraId}/index.m3u8`, { cache: 'no-store', signal: AbortSignal.timeout(300) });
    if (!response.ok) return [];
    const playlist = parsePlaylist(await response.text());
    return [`/hls/${cameraId}/index.m3u8`, ...playlist.segments.slice(-count).map((s) => `/hls/${cameraId}/${s.name}`)];
  } catch {
    return [];
  }
}
