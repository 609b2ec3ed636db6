import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkPlaylistStep, checkPlaylistVersion, recordSeen } from '../hls/check-playlist-invariants.ts';
import { parsePlaylist, type ParsedPlaylist } from '../hls/parse-playlist.ts';
import { decodeErrors } from './ffmpeg.ts';

export type SamplerReport = {
  versions: number;
  violations: string[];
  published: string[]; // every segment name ever seen, in order
  segments: { name: string; discontinuity: boolean; file: string; duration: number; programDateTime?: string }[]; // the same, downloaded
  decodeFailures: { name: string; errors: string[] }[];
  discontinuities: number;
  latest: ParsedPlaylist | undefined;
};

// Reads a camera's public playlist every 500 ms as a player would, checks every version
// and every step against the invariants, checks that a segment leaving the playlist can
// still be fetched, and downloads and decodes every published segment.
export class PlaylistSampler {
  private readonly seen = new Map<string, number>();
  private readonly report: SamplerReport = { versions: 0, violations: [], published: [], segments: [], decodeFailures: [], discontinuities: 0, latest: undefined };
  private timer: NodeJS.Timeout | undefined;
  private decoding: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly baseUrl: string, // e.g. http://127.0.0.1:3100/hls/roof
    private readonly scratchDir: string,
    private readonly intervalMs = 500,
  ) {}

  start(): this {
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
    return this;
  }

  async stop(): Promise<SamplerReport> {
    clearInterval(this.timer);
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 20));
    await this.decoding;
    return this.report;
  }

  get current(): SamplerReport {
    return this.report;
  }

  private async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      const response = await fetch(`${this.baseUrl}/index.m3u8`);
      if (response.status === 404) return; // nothing published yet
      if (response.headers.get('cache-control') !== 'public, max-age=1') this.violation(`playlist Cache-Control ${response.headers.get('cache-control')}`);
      const next = parsePlaylist(await response.text());
      const previous = this.report.latest;
      this.report.versions++;
      for (const problem of checkPlaylistVersion(next, Date.now(), this.seen)) this.violation(problem);
      if (previous) {
        for (const problem of checkPlaylistStep(previous, next)) this.violation(problem);
        await this.checkRetired(previous, next);
      }
      this.collect(next);
      this.report.latest = next;
    } catch (error) {
      this.violation(`sample failed: ${(error as Error).message}`);
    } finally {
      this.busy = false;
    }
  }

  // A segment that just left the playlist must still be there for players holding the old version.
  private async checkRetired(previous: ParsedPlaylist, next: ParsedPlaylist): Promise<void> {
    const current = new Set(next.segments.map((s) => s.name));
    for (const segment of previous.segments.filter((s) => !current.has(s.name))) {
      const status = (await fetch(`${this.baseUrl}/${segment.name}`, { method: 'HEAD' })).status;
      if (status !== 200) this.violation(`${segment.name} left the playlist and answered ${status} at once`);
    }
  }

  private collect(playlist: ParsedPlaylist): void {
    for (const segment of playlist.segments) {
      if (this.seen.has(segment.name)) continue;
      this.report.published.push(segment.name);
      if (segment.discontinuity) this.report.discontinuities++;
      const entry = { ...segment, file: join(this.scratchDir, `sampled-${segment.name}`) };
      this.report.segments.push(entry);
      // Fetched at once, decoded in turn: on a busy machine the decode queue can fall behind by
      // more than a segment stays on the origin, which is the test's lag, not a missing segment.
      const downloaded = this.download(entry.name, entry.file);
      this.decoding = this.decoding.then(async () => {
        if (await downloaded) await this.decode(entry.name, entry.file);
      });
    }
    recordSeen(playlist, this.seen);
  }

  private async download(name: string, file: string): Promise<boolean> {
    try {
      const response = await fetch(`${this.baseUrl}/${name}`);
      if (!response.ok) return (this.violation(`${name}: published but answered ${response.status}`), false);
      await writeFile(file, Buffer.from(await response.arrayBuffer()));
      return true;
    } catch (error) {
      return (this.violation(`${name}: download failed: ${(error as Error).message}`), false);
    }
  }

  private async decode(name: string, file: string): Promise<void> {
    const errors = await decodeErrors(file);
    if (errors.length > 0) this.report.decodeFailures.push({ name, errors: errors.slice(0, 3) });
  }

  // Each problem once: a bad segment stays in every version until it leaves the window.
  private violation(problem: string): void {
    if (this.report.violations.length < 50 && !this.report.violations.includes(problem)) this.report.violations.push(problem);
  }
}
