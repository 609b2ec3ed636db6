import type { ParsedPlaylist } from './parse-playlist.ts';

// Pure: every rule of docs/architecture.md invariant 2 that one version of a live playlist, or
// the step from the previous version to it, can break. Returns what is broken (empty = fine).
// `seen` maps every segment name ever observed to its media sequence number, across versions.
export function checkPlaylistVersion(playlist: ParsedPlaylist, now: number, seen: Map<string, number>): string[] {
  const problems: string[] = [];
  const target = playlist.targetDuration;
  if (target === undefined || !(target > 0)) problems.push('no EXT-X-TARGETDURATION');
  if (playlist.endList) problems.push('EXT-X-ENDLIST while the camera is live');
  let previousPdt = Number.NEGATIVE_INFINITY;
  playlist.segments.forEach((segment, i) => {
    const sequence = playlist.mediaSequence + i;
    if (target !== undefined && Math.round(segment.duration) > target) problems.push(`${segment.name}: EXTINF ${segment.duration} rounds above the target duration ${target}`);
    if (!(segment.duration > 0)) problems.push(`${segment.name}: EXTINF ${segment.duration} is not positive`);
    const pdt = Date.parse(segment.programDateTime ?? '');
    if (!Number.isFinite(pdt)) problems.push(`${segment.name}: no EXT-X-PROGRAM-DATE-TIME`);
    else {
      if (pdt < previousPdt) problems.push(`${segment.name}: PROGRAM-DATE-TIME goes backwards`);
      if (pdt > now + 2000) problems.push(`${segment.name}: PROGRAM-DATE-TIME is in the future`);
      previousPdt = pdt;
    }
    const known = seen.get(segment.name);
    if (known !== undefined && known !== sequence) problems.push(`${segment.name}: was sequence ${known}, now ${sequence} (a name reused or renumbered)`);
  });
  const names = playlist.segments.map((s) => s.name);
  if (new Set(names).size !== names.length) problems.push('a segment name appears twice');
  return problems;
}

// Pure: the rules between two consecutive versions.
export function checkPlaylistStep(previous: ParsedPlaylist, next: ParsedPlaylist): string[] {
  const problems: string[] = [];
  if (next.targetDuration !== previous.targetDuration) problems.push(`target duration changed ${previous.targetDuration} → ${next.targetDuration}`);
  if (next.mediaSequence < previous.mediaSequence) problems.push(`media sequence went down ${previous.mediaSequence} → ${next.mediaSequence}`);
  if (next.discontinuitySequence < previous.discontinuitySequence) problems.push('discontinuity sequence went down');
  const left = Math.min(previous.segments.length, Math.max(0, next.mediaSequence - previous.mediaSequence));
  const leftTags = previous.segments.slice(0, left).filter((s) => s.discontinuity).length;
  // Segments that left unseen (between two samples) are accounted for when they can be: when none did.
  if (next.mediaSequence - previous.mediaSequence <= previous.segments.length && next.discontinuitySequence !== previous.discontinuitySequence + leftTags) {
    problems.push(`discontinuity sequence ${next.discontinuitySequence}, expected ${previous.discontinuitySequence + leftTags}`);
  }
  // A segment still in both versions keeps its place and its tags.
  previous.segments.slice(left).forEach((segment, i) => {
    const same = next.segments[i];
    if (!same) return;
    if (same.name !== segment.name) problems.push(`sequence ${next.mediaSequence + i}: ${segment.name} became ${same.name}`);
    else if (same.discontinuity !== segment.discontinuity || same.programDateTime !== segment.programDateTime) problems.push(`${segment.name}: its tags changed`);
  });
  return problems;
}

export function recordSeen(playlist: ParsedPlaylist, seen: Map<string, number>): void {
  playlist.segments.forEach((segment, i) => seen.set(segment.name, playlist.mediaSequence + i));
}
