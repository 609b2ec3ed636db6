import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { JournaledEvent, OriginEvent } from '../../lib/origin-events.ts';
import { formatCursor, type JournalCursor } from '../../lib/origin-cursor.ts';

export type JournalLimits = { maxBytes: number; maxAgeMs: number };
export type JournalPage = { journal: string; events: JournaledEvent[]; next: string; more: boolean; gap: boolean };

type Chunk = { firstSeq: number; path: string; bytes: number; lastSeq: number; lastAt: number };

const DEFAULT_LIMITS: JournalLimits = { maxBytes: 8 * 1024 * 1024, maxAgeMs: 7 * 24 * 3600_000 };
const CHUNKS_PER_JOURNAL = 8;

// The worker's events for the site, on disk: append-only JSON lines in chunk files named by
// their first sequence number, so the cursor survives restarts. A torn last line (power cut
// mid-write) is cut off at open. Old chunks go when the journal is over its size or age; the
// newest chunk always stays, so the sequence never goes back. The journal id changes only when
// the directory is new, which tells the site that an old cursor means nothing here.
// Each line is written at once (a crashed worker loses nothing); it reaches the disk with an
// fsync at most a second later (a power cut loses at most that second), so a burst of events
// costs one flush, not one each.
export class EventJournal {
  private readonly chunks: Chunk[];
  private nextSeq: number;
  private fd: { path: string; fd: number } | undefined;
  private flushTimer: NodeJS.Timeout | undefined;

  private constructor(private readonly dir: string, readonly id: string, chunks: Chunk[], private readonly limits: JournalLimits, private readonly now: () => number) {
    this.chunks = chunks;
    const last = chunks.at(-1);
    this.nextSeq = last ? last.lastSeq + 1 : 1;
    this.prune();
  }

  static open(dir: string, limits: Partial<JournalLimits> = {}, now: () => number = Date.now): EventJournal {
    mkdirSync(dir, { recursive: true });
    const idFile = join(dir, 'journal-id');
    let id = '';
    try {
      id = readFileSync(idFile, 'utf8').trim();
    } catch {
      // a new journal
    }
    if (!/^[0-9a-f]{12}$/.test(id)) {
      id = randomBytes(6).toString('hex');
      writeFileSync(`${idFile}.tmp`, id); // then renamed: a torn id file would never match a cursor
      renameSync(`${idFile}.tmp`, idFile);
    }
    const chunks = readdirSync(dir)
      .filter((name) => /^\d{12}\.jsonl$/.test(name))
      .sort()
      .map((name) => loadChunk(join(dir, name), Number(name.slice(0, 12))));
    return new EventJournal(dir, id, chunks, { ...DEFAULT_LIMITS, ...limits }, now);
  }

  append(event: OriginEvent): JournaledEvent {
    const entry = { ...event, seq: this.nextSeq } as JournaledEvent;
    const line = JSON.stringify(entry) + '\n';
    let chunk = this.chunks.at(-1);
    if (!chunk || chunk.bytes + line.length > this.limits.maxBytes / CHUNKS_PER_JOURNAL) {
      chunk = { firstSeq: entry.seq, path: join(this.dir, `${String(entry.seq).padStart(12, '0')}.jsonl`), bytes: 0, lastSeq: entry.seq - 1, lastAt: 0 };
      this.chunks.push(chunk);
    }
    writeSync(this.fileFor(chunk.path), line);
    this.flushTimer ??= setTimeout(() => this.flush(), 1000).unref();
    Object.assign(chunk, { bytes: chunk.bytes + Buffer.byteLength(line), lastSeq: entry.seq, lastAt: this.now() });
    this.nextSeq += 1;
    this.prune();
    return entry;
  }

  // Events after `cursor`, oldest first. `gap`: some of them were pruned before anyone read them.
  read(cursor: JournalCursor | null, limit = 500): JournalPage {
    const after = cursor && cursor.journal === this.id ? cursor.seq : 0;
    const oldest = this.chunks[0]?.firstSeq ?? this.nextSeq;
    const events: JournaledEvent[] = [];
    for (const chunk of this.chunks) {
      if (chunk.lastSeq <= after || events.length > limit) continue;
      for (const entry of readEntries(chunk.path)) if (entry.seq > after && events.length <= limit) events.push(entry);
    }
    const more = events.length > limit;
    if (more) events.length = limit;
    const last = events.at(-1)?.seq ?? Math.max(after, this.nextSeq - 1);
    return { journal: this.id, events, next: formatCursor({ journal: this.id, seq: last }), more, gap: after + 1 < oldest };
  }

  // Writes out what is pending and closes the file; the next append opens it again.
  close(): void {
    this.flush();
    if (this.fd) closeSync(this.fd.fd);
    this.fd = undefined;
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (this.fd) fsyncSync(this.fd.fd);
  }

  private fileFor(path: string): number {
    if (this.fd?.path !== path) {
      if (this.fd) {
        fsyncSync(this.fd.fd);
        closeSync(this.fd.fd);
      }
      this.fd = { path, fd: openSync(path, 'a') };
    }
    return this.fd.fd;
  }

  private prune(): void {
    const total = () => this.chunks.reduce((sum, c) => sum + c.bytes, 0);
    while (this.chunks.length > 1 && (total() > this.limits.maxBytes || this.now() - this.chunks[0]!.lastAt > this.limits.maxAgeMs)) {
      rmSync(this.chunks.shift()!.path, { force: true });
    }
  }
}

function loadChunk(path: string, firstSeq: number): Chunk {
  const text = readFileSync(path, 'utf8');
  const end = text.lastIndexOf('\n') + 1;
  if (end < text.length) truncateSync(path, Buffer.byteLength(text.slice(0, end))); // a torn last line
  const entries = readEntries(path);
  return { firstSeq, path, bytes: statSync(path).size, lastSeq: entries.at(-1)?.seq ?? firstSeq - 1, lastAt: statSync(path).mtimeMs };
}

function readEntries(path: string): JournaledEvent[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return []; // pruned meanwhile
  }
  const entries: JournaledEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      entries.push(JSON.parse(line) as JournaledEvent);
    } catch {
      // a damaged line is skipped, the rest of the chunk is still read
    }
  }
  return entries;
}
