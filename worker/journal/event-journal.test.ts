import { appendFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OriginEvent } from '../../lib/origin-events.ts';
import { parseCursor } from '../../lib/origin-cursor.ts';
import { EventJournal } from './event-journal.ts';

const health = (detail: string): OriginEvent => ({ type: 'health', cameraId: 'roof', kind: 'live', detail, at: '2026-01-01T00:00:00.000Z' });
const fresh = () => mkdtempSync(join(tmpdir(), 'lookout-journal-'));

describe('EventJournal', () => {
  it('reads events after a cursor, in pages, and continues the sequence after a reopen', () => {
    const dir = fresh();
    const journal = EventJournal.open(dir);
    for (let i = 1; i <= 5; i++) journal.append(health(`e${i}`));
    const first = journal.read(null, 2);
    expect(first.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(first.more).toBe(true);
    const rest = journal.read(parseCursor(first.next), 10);
    expect(rest.events.map((e) => (e.type === 'health' ? e.detail : ''))).toEqual(['e3', 'e4', 'e5']);
    expect(rest.more).toBe(false);

    const reopened = EventJournal.open(dir);
    expect(reopened.id).toBe(journal.id);
    expect(reopened.append(health('e6')).seq).toBe(6);
    expect(reopened.read(parseCursor(rest.next)).events.map((e) => e.seq)).toEqual([6]);
    expect(reopened.read(parseCursor(reopened.read(parseCursor(rest.next)).next)).events).toEqual([]);
  });

  it('cuts off a torn last line and keeps everything before it', () => {
    const dir = fresh();
    const journal = EventJournal.open(dir);
    journal.append(health('whole'));
    const [chunk] = readdirSync(dir).filter((n) => n.endsWith('.jsonl'));
    appendFileSync(join(dir, chunk!), '{"type":"health","cameraId":"ro'); // power cut mid-write
    const reopened = EventJournal.open(dir);
    expect(reopened.read(null).events.map((e) => e.seq)).toEqual([1]);
    expect(reopened.append(health('next')).seq).toBe(2);
    expect(reopened.read(null).events.map((e) => e.seq)).toEqual([1, 2]);
  });

  it('stays within its size, keeps the newest events and says when a reader missed some', () => {
    const dir = fresh();
    const journal = EventJournal.open(dir, { maxBytes: 8 * 1024 });
    for (let i = 1; i <= 400; i++) journal.append(health(`event number ${i}`));
    const chunkFiles = readdirSync(dir).filter((n) => n.endsWith('.jsonl')).length;
    expect(chunkFiles).toBeLessThanOrEqual(9);
    const all = journal.read(null, 1000);
    expect(all.gap).toBe(true);
    expect(all.events.at(-1)!.seq).toBe(400);
    const seqs = all.events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i)); // no hole inside what is kept
    expect(journal.read(parseCursor(all.next)).gap).toBe(false);
  });

  it('drops chunks older than its age limit but never the newest, so the sequence goes on', () => {
    const dir = fresh();
    let now = Date.parse('2026-01-01T00:00:00Z');
    const journal = EventJournal.open(dir, { maxBytes: 4 * 1024, maxAgeMs: 3600_000 }, () => now);
    for (let i = 1; i <= 100; i++) journal.append(health(`old ${i}`));
    now += 2 * 3600_000;
    journal.append(health('new'));
    const page = journal.read(null, 1000);
    expect(page.events.every((e) => e.type === 'health' && (e.detail === 'new' || e.seq > 90))).toBe(true);
    expect(EventJournal.open(dir, {}, () => now).append(health('after')).seq).toBe(102);
  });

  it('starts a new journal id when its directory is new, so an old cursor reads from the start', () => {
    const dir = fresh();
    const old = EventJournal.open(dir);
    old.append(health('a'));
    const cursor = parseCursor(old.read(null).next);
    rmSync(dir, { recursive: true });
    const replaced = EventJournal.open(dir);
    replaced.append(health('b'));
    expect(replaced.id).not.toBe(old.id);
    expect(replaced.read(cursor).events.map((e) => (e.type === 'health' ? e.detail : ''))).toEqual(['b']);
  });

  it('makes a new id when the id file is empty or damaged', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'journal-id'), '');
    const journal = EventJournal.open(dir);
    expect(journal.id).toMatch(/^[0-9a-f]{12}$/);
    expect(EventJournal.open(dir).id).toBe(journal.id);
  });
});
