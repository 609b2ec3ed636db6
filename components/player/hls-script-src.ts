import { version } from 'hls.js/package.json';

// Server and build only (scripts/build-site.ts writes the file): importing hls.js's
// package.json in a client component would ship all of it to every visitor.
export const HLS_SCRIPT_NAME = `hls.light-${version}.min.js`;
export const HLS_SCRIPT_SRC = `/player/${HLS_SCRIPT_NAME}`;
