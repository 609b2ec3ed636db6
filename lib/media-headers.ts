// The header contract between origin, edge and browser (ARCHITECTURE.md).
export const PLAYLIST_CACHE = 'public, max-age=1';
export const SEGMENT_CACHE = 'public, max-age=31536000, immutable';
export const MISSING_MEDIA_CACHE = 'public, max-age=1';

export const CONTENT_TYPES = {
  playlist: 'application/vnd.apple.mpegurl',
  segment: 'video/mp2t',
} as const;
