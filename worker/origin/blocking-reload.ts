import type { IncomingMessage } from 'node:http';

// LL-HLS blocking playlist reload (RFC 8216bis §6.2.5.2): `index.m3u8?_HLS_msn=N` is answered
// once segment N is in the playlist, so a player (or an edge, for all its viewers at once)
// hears of a segment the moment it is published instead of on a polling rhythm.
export type PlaylistFeed = {
  lastSequence: () => number | null;
  onPlaylistWritten: (listener: () => void) => () => void;
  targetDuration: () => number;
};

// Resolves when segment `msn` is in the playlist, or after `holdMs` (the camera stalled: the
// player then gets the current playlist and decides), or when the client goes away.
// 'too-far': more than two segments ahead, which the spec answers with 400.
export function waitForSegment(feed: PlaylistFeed, msn: number, holdMs: number, request: IncomingMessage): Promise<'ready' | 'timeout' | 'too-far'> {
  const last = feed.lastSequence();
  if (last !== null && msn <= last) return Promise.resolve('ready');
  if (last !== null && msn > last + 2) return Promise.resolve('too-far');
  return new Promise((resolve) => {
    const finish = (outcome: 'ready' | 'timeout') => {
      unsubscribe();
      clearTimeout(timer);
      request.off('close', onClose);
      resolve(outcome);
    };
    const unsubscribe = feed.onPlaylistWritten(() => {
      const now = feed.lastSequence();
      if (now !== null && now >= msn) finish('ready');
    });
    const timer = setTimeout(() => finish('timeout'), holdMs);
    const onClose = () => finish('timeout');
    request.on('close', onClose);
  });
}
