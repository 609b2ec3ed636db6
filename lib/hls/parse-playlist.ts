// A small reader for our own media playlists: used by tests and the health check.
export type ParsedPlaylist = {
  targetDuration: number | undefined;
  mediaSequence: number;
  discontinuitySequence: number;
  endList: boolean;
  segments: { name: string; duration: number; programDateTime?: string; discontinuity: boolean }[];
};

export function parsePlaylist(text: string): ParsedPlaylist {
  const result: ParsedPlaylist = { targetDuration: undefined, mediaSequence: 0, discontinuitySequence: 0, endList: false, segments: [] };
  if (!text.startsWith('#EXTM3U')) throw new Error('not an M3U8 playlist');
  let pending: { duration?: number; programDateTime?: string; discontinuity: boolean } = { discontinuity: false };
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const [tag, value = ''] = line.split(/:(.*)/s);
    if (tag === '#EXT-X-TARGETDURATION') result.targetDuration = Number(value);
    else if (tag === '#EXT-X-MEDIA-SEQUENCE') result.mediaSequence = Number(value);
    else if (tag === '#EXT-X-DISCONTINUITY-SEQUENCE') result.discontinuitySequence = Number(value);
    else if (tag === '#EXT-X-ENDLIST') result.endList = true;
    else if (tag === '#EXT-X-DISCONTINUITY') pending.discontinuity = true;
    else if (tag === '#EXT-X-PROGRAM-DATE-TIME') pending.programDateTime = value;
    else if (tag === '#EXTINF') pending.duration = Number.parseFloat(value);
    else if (!line.startsWith('#')) {
      result.segments.push({ name: line, duration: pending.duration ?? Number.NaN, programDateTime: pending.programDateTime, discontinuity: pending.discontinuity });
      pending = { discontinuity: false };
    }
  }
  return result;
}
