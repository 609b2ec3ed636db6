import type { HlsConfig } from 'hls.js/light';

// An inline script (nonce'd like Next's own) that starts hls.js on every server-rendered
// <video data-live-src> as soon as the hls.js script has loaded: the stream loads while
// React boots and hydrates instead of after it. LiveController adopts the instance
// (claimEarlyHls). Plain ES5-style code, no comments inside: it is inlined on one line.
// The performance marks are the start-up milestones `npm run bench:player` reports.
export function buildEarlyStartScript(config: Partial<HlsConfig>): string {
  return `(function () {
  var early = (window.__lookoutEarly = window.__lookoutEarly || {});
  function mark(name) { if (!performance.getEntriesByName('lookout:' + name).length) performance.mark('lookout:' + name); }
  function start() {
    var Hls = window.Hls;
    if (!Hls || !Hls.isSupported()) return;
    document.querySelectorAll('video[data-live-src]').forEach(function (video) {
      var src = video.getAttribute('data-live-src');
      if (src in early) return;
      var entry = { hls: new Hls(${JSON.stringify(config)}), video: video, fatal: false };
      entry.hls.on(Hls.Events.ERROR, function (_event, data) { if (data.fatal) entry.fatal = true; });
      mark('hls-start');
      entry.hls.once(Hls.Events.MANIFEST_PARSED, function () { mark('playlist'); });
      entry.hls.once(Hls.Events.FRAG_LOADED, function () { mark('segment'); });
      entry.hls.once(Hls.Events.FRAG_BUFFERED, function () { mark('buffered'); });
      entry.hls.loadSource(src);
      entry.hls.attachMedia(video);
      early[src] = entry;
    });
  }
  function whenParsed() {
    start();
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  }
  var script = document.querySelector('script[data-hls]');
  if (window.Hls) whenParsed();
  else if (script) script.addEventListener('load', whenParsed, { once: true });
})();`.replace(/\n\s*/g, ' ');
}
