// The header contract between origin, edge and browser (docs/architecture.md).
export const PLAYLIST_CACHE = 'public, max-age=1';
export const SEGMENT_CACHE = 'public, max-age=31536000, immutable';
export const MISSING_MEDIA_CACHE = 'public, max-age=1';
// Any other error on a media path (400, 405, 413, 5xx): never stored by an edge, or one
// attacker's malformed request would be served to every viewer whose request shares its key.
export const ERROR_MEDIA_CACHE = 'no-store';
export const NOSNIFF = { 'X-Content-Type-Options': 'nosniff' } as const;

export const CONTENT_TYPES = {
  playlist: 'application/vnd.apple.mpegurl',
  segment: 'video/mp2t',
} as const;
