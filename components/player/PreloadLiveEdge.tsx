import { getLiveEdgeUrls } from '@/lib/live-edge';

// Server component: <link rel="preload"> for the playlist and the segments the player
// will start with (React hoists them into <head>), so they load alongside the JavaScript.
export async function PreloadLiveEdge({ cameraId }: { cameraId: string }) {
  const urls = await getLiveEdgeUrls(cameraId);
  return urls.map((url) => <link key={url} rel="preload" href={url} as="fetch" crossOrigin="anonymous" />);
}
