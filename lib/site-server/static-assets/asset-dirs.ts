// Build output the site server sends itself (relative to the project), and where it is mounted.
export const PLAYER_DIR = '.build/player';
export const ASSET_DIRS = [
  { dir: '.next/static', urlPrefix: '/_next/static/' }, // Next's content-hashed chunks and CSS
  { dir: PLAYER_DIR, urlPrefix: '/player/' }, // hls.js under a versioned name (scripts/build-site.ts)
];
