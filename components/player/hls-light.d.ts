// hls.js ships no typings for its "light" build (no subtitles, alt audio or DRM,
// which a webcam does not need: 120 kB instead of 190 kB gzipped). The API is the same.
declare module 'hls.js/light' {
  export * from 'hls.js';
  export { default } from 'hls.js';
}
