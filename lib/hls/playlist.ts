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

// A camera that loses bytes gets its GOPs published in pieces (down to a single frame): a
// window of a fixed count would then shrink to a few seconds, and players sliding off its
// start would stall. The window keeps `windowSize` segments and about that many target
// durations of video (RFC 8216: never less than three), up to MAX_WINDOW_FACTOR × the count.
const MAX_WINDOW_FACTOR = 10;

// Adds a segment and slides the window; returns the new playlist and what left it.
export function appendSegment(playlist: Playlist, segment: PlaylistSegment, windowSize: number): { playlist: Playlist; removed: PlaylistSegment[] } {
  const all = [...playlist.segments, segment];
  const minSeconds = (windowSize - 0.5) * playlist.targetDuration;
  let first = 0;
  let seconds = all.reduce((sum, s) => sum + s.duration, 0);
  const removable = () => all.length - first > windowSize && (seconds - all[first]!.duration >= minSeconds || all.length - first > windowSize * MAX_WINDOW_FACTOR);
  while (removable()) seconds -= all[first++]!.duration;
  const removed = all.slice(0, first);
  const kept = all.slice(first);
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
