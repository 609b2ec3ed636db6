import { headers } from 'next/headers';
import { buildEarlyStartScript } from './early-start';
import { HLS_CONFIG } from './hls-config';
import { HLS_SCRIPT_SRC } from './hls-script-src';

// Rendered before the <LivePlayer> (CameraPlayer). React hoists the async hls.js script into <head>
// at high priority, so it loads alongside Next's JavaScript; the inline bootstrap starts the
// stream the moment hls.js has run, before React hydrates.
// Deliberately no preload of the playlist or segments: the page's playlist is seconds old by
// the time a busy device runs hls.js, and hls.js would start that far behind live, then take
// ~20 s to catch up at 1.2×. A fresh playlist costs one small request; segment preloads held
// up the JavaScript (six connections per host over HTTP/1.1) and blocked the HTML on the origin.
export async function HlsBootstrap() {
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <>
      <script src={HLS_SCRIPT_SRC} async fetchPriority="high" nonce={nonce} data-hls="" />
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: buildEarlyStartScript(HLS_CONFIG) }} />
    </>
  );
}
