// The public live playlist as a value. The worker owns it (not ffmpeg), so the RFC 8216
// rules hold across ffmpeg restarts: constant target duration, a media sequence that only
// goes up, and a discontinuity sequence that counts the tags that have left the window.

export type PlaylistSegment = {
  name: string;
  duration: number;
  programDateTime: string; // ISO 8601, from the wall clock
  discontinuity: boolean;
};

export type Playlist = {
  targetDuration: number;
  mediaSequence: number;
  discontinuitySequence: number;
  segments: PlaylistSegment[];
};

export function createPlaylist(targetDuration: number): Playlist {
  return { targetDuration, mediaSequence: 0, discontinuitySequence: 0, segments: [] };
}

// Adds a segment and slides the window; returns the new playlist and what left it.
export function appendSegment(playlist: Playlist, segment: PlaylistSegment, windowSize: number): { playlist: Playlist; removed: PlaylistSegment[] } {
  const all = [...playlist.segments, segment];
  const removed = all.slice(0, Math.max(0, all.length - windowSize));
  const kept = all.slice(removed.length);
  // The tag on the new first segment is still in the playlist, so only removed ones count.
  const leftDiscontinuities = removed.filter((s) => s.discontinuity).length;
  return {
    playlist: {
      targetDuration: playlist.targetDuration,
      mediaSequence: playlist.mediaSequence + removed.length,
      discontinuitySequence: playlist.discontinuitySequence + leftDiscontinuities,
      segments: kept,
    },
    removed,
  };
}

export function renderPlaylist(playlist: Playlist): string {
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    `#EXT-X-TARGETDURATION:${playlist.targetDuration}`,
    '#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES', // the origin holds ?_HLS_msn=N until segment N exists
    `#EXT-X-MEDIA-SEQUENCE:${playlist.mediaSequence}`,
    `#EXT-X-DISCONTINUITY-SEQUENCE:${playlist.discontinuitySequence}`,
  ];
  for (const segment of playlist.segments) {
    if (segment.discontinuity) lines.push('#EXT-X-DISCONTINUITY');
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${segment.programDateTime}`);
    lines.push(`#EXTINF:${segment.duration.toFixed(3)},`);
    lines.push(segment.name);
  }
  return `${lines.join('\n')}\n`;
}

export function playlistDuration(playlist: Playlist): number {
  return playlist.segments.reduce((sum, s) => sum + s.duration, 0);
}
