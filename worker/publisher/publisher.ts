import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { appendSegment, createPlaylist, playlistDuration, renderPlaylist, type Playlist } from '../../lib/hls/playlist.ts';
import { writeFileAtomic } from '../../lib/write-file-atomic.ts';

export const PLAYLIST_NAME = 'index.m3u8';

type Retired = { name: string; at: number };
type State = { playlist: Playlist; retired: Retired[] };

export type PublisherOptions = {
  dir: string; // public directory served by the origin
  stateFile: string;
  targetDuration: number;
  windowSize?: number;
  now?: () => number;
};

// Owns one camera's public playlist: moves finished segments from staging into the
// public directory, writes index.m3u8 atomically, persists its sequence numbers so a
// worker restart continues them, and deletes segments only once no player can want them.
export class Publisher {
  private state: State;
  private discontinuityPending = false;
  private readonly windowSize: number;
  private readonly now: () => number;
  private readonly written = new Set<() => void>();

  private constructor(private readonly options: PublisherOptions, state: State) {
    this.state = state;
    this.windowSize = options.windowSize ?? 6;
    this.now = options.now ?? Date.now;
  }

  static async open(options: PublisherOptions): Promise<Publisher> {
    await mkdir(options.dir, { recursive: true });
    await mkdir(dirname(options.stateFile), { recursive: true });
    const saved = await readState(options.stateFile);
    const state = saved ?? { playlist: createPlaylist(options.targetDuration), retired: [] };
    // The target duration may never change within a playlist's life (RFC 8216 6.2.1).
    state.playlist.targetDuration = saved?.playlist.targetDuration ?? options.targetDuration;
    const publisher = new Publisher(options, state);
    if (saved && saved.playlist.segments.length > 0) publisher.discontinuityPending = true;
    return publisher;
  }

  get dir(): string {
    return this.options.dir;
  }

  get playlist(): Playlist {
    return this.state.playlist;
  }

  // Only a playlist that never published may still choose its target duration.
  adoptTargetDuration(seconds: number): boolean {
    const fresh = this.state.playlist.mediaSequence === 0 && this.state.playlist.segments.length === 0;
    if (fresh) this.state.playlist.targetDuration = seconds;
    return fresh || this.state.playlist.targetDuration >= seconds;
  }

  targetDuration(): number {
    return this.state.playlist.targetDuration;
  }

  // The media sequence number of the newest segment in the playlist on disk (null: empty).
  lastSequence(): number | null {
    const { mediaSequence, segments } = this.state.playlist;
    return segments.length === 0 ? null : mediaSequence + segments.length - 1;
  }

  // Called after each new playlist is on disk (the origin's blocking playlist reloads).
  onPlaylistWritten(listener: () => void): () => void {
    this.written.add(listener);
    return () => this.written.delete(listener);
  }

  // The next segment follows a break (ffmpeg restart, dropped segment).
  markDiscontinuity(): void {
    if (this.state.playlist.segments.length > 0) this.discontinuityPending = true;
  }

  // startedAt: when the segment's first frame arrived (default: it ended just now).
  async publish(stagedFile: string, duration: number, startedAt?: number): Promise<string> {
    const name = basename(stagedFile);
    await rename(stagedFile, join(this.options.dir, name));
    const now = this.now();
    const programDateTime = new Date(this.programDateTime(startedAt ?? now - duration * 1000, now)).toISOString();
    const { playlist, removed } = appendSegment(
      this.state.playlist,
      { name, duration, programDateTime, discontinuity: this.discontinuityPending },
      this.windowSize,
    );
    this.discontinuityPending = false;
    this.state = { playlist, retired: [...this.state.retired, ...removed.map((s) => ({ name: s.name, at: now }))] };
    await writeFileAtomic(join(this.options.dir, PLAYLIST_NAME), renderPlaylist(playlist));
    for (const listener of this.written) listener();
    await writeFileAtomic(this.options.stateFile, JSON.stringify(this.state));
    await this.deleteExpired();
    return name;
  }

  // Wall-clock time never runs backwards in the playlist, and a segment does not start
  // before the previous one ended (wall-clock arrival times jitter, a salvaged segment's
  // pieces are published together), unless that end lies in the future (a camera whose
  // stated frame rate is too low makes segments look longer than they took).
  private programDateTime(startedAt: number, now: number): number {
    const previous = this.state.playlist.segments.at(-1);
    if (!previous?.programDateTime) return startedAt;
    const previousEnd = Date.parse(previous.programDateTime) + previous.duration * 1000;
    return Math.max(startedAt, Math.min(previousEnd, now));
  }

  // A segment that left the playlist stays for target duration + playlist duration, so a
  // player holding the previous playlist version can still fetch it.
  private async deleteExpired(): Promise<void> {
    const keepMs = (this.state.playlist.targetDuration + playlistDuration(this.state.playlist)) * 1000;
    const cutoff = this.now() - keepMs;
    const expired = this.state.retired.filter((r) => r.at <= cutoff);
    if (expired.length === 0) return;
    this.state.retired = this.state.retired.filter((r) => r.at > cutoff);
    await Promise.all(expired.map((r) => unlink(join(this.options.dir, r.name)).catch(() => {})));
  }

  // Files nobody references any more (e.g. after a crash between rename and save).
  async removeStrays(): Promise<number> {
    const known = new Set([PLAYLIST_NAME, ...this.state.playlist.segments.map((s) => s.name), ...this.state.retired.map((r) => r.name)]);
    const strays = (await readdir(this.options.dir)).filter((f) => !known.has(f));
    await Promise.all(strays.map((f) => unlink(join(this.options.dir, f)).catch(() => {})));
    return strays.length;
  }
}

async function readState(file: string): Promise<State | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as State;
    if (typeof parsed?.playlist?.mediaSequence !== 'number' || !Array.isArray(parsed.playlist.segments)) return undefined;
    return { playlist: parsed.playlist, retired: Array.isArray(parsed.retired) ? parsed.retired : [] };
  } catch {
    return undefined;
  }
}
