import { describe, expect, it } from 'vitest';
import { drawInterval, LostBytesDropper } from './lost-bytes-dropper.ts';
import { createSeededRandom, randomBytesFrom } from '../../lib/testing/test-bytes.ts';

type Cut = { at: number; length: number };

// Lines the received bytes up against the sent ones and returns the runs that are missing.
// Random content makes a 32-byte probe unambiguous.
function findCuts(sent: Buffer, received: Buffer): Cut[] {
  const cuts: Cut[] = [];
  let i = 0;
  for (let j = 0; j < received.length; i++, j++) {
    if (sent[i] === received[j]) continue;
    const probe = received.subarray(j, j + 32);
    const next = sent.indexOf(probe, i);
    if (next === -1) throw new Error(`received byte ${j} matches nothing sent after ${i}`);
    cuts.push({ at: i, length: next - i });
    i = next;
  }
  if (i < sent.length) cuts.push({ at: i, length: sent.length - i });
  return cuts;
}

// Feeds `sent` in random-sized writes, the clock moving 10 ms per write.
function runDropper(sent: Buffer, seed: number, meanIntervalMs: number) {
  const random = createSeededRandom(seed);
  let now = 0;
  const dropper = new LostBytesDropper({ meanIntervalMs, random, now: () => now });
  const kept: Buffer[] = [];
  const dropStarts: number[] = [];
  for (let offset = 0; offset < sent.length; now += 10) {
    const size = 200 + Math.floor(random() * 3000);
    const before = dropper.dropEvents;
    kept.push(dropper.filter(sent.subarray(offset, offset + size)));
    if (dropper.dropEvents > before) dropStarts.push(now);
    offset += size;
  }
  return { dropper, received: Buffer.concat(kept), dropStarts };
}

describe('LostBytesDropper', () => {
  const sent = randomBytesFrom(createSeededRandom(99), 3_000_000);
  const { dropper, received, dropStarts } = runDropper(sent, 5, 200);
  const cuts = findCuts(sent, received);

  it('cuts contiguous runs of 200 to 8000 bytes and keeps every other byte in order', () => {
    expect(cuts.length).toBeGreaterThan(20);
    const complete = cuts.at(-1)!.at + cuts.at(-1)!.length === sent.length ? cuts.slice(0, -1) : cuts;
    for (const cut of complete) {
      expect(cut.length).toBeGreaterThanOrEqual(200);
      expect(cut.length).toBeLessThanOrEqual(8000);
    }
    expect(received.length + dropper.droppedBytes).toBe(sent.length);
  });

  it('counts one event and the exact bytes per run, runs spanning several writes included', () => {
    expect(dropper.dropEvents).toBe(cuts.length);
    expect(dropper.droppedBytes).toBe(cuts.reduce((sum, cut) => sum + cut.length, 0));
    expect(cuts.some((cut) => cut.length > 3200)).toBe(true); // longer than any single write
  });

  it('spaces the drops around the mean interval', () => {
    const { dropStarts: starts } = runDropper(Buffer.alloc(30_000_000), 11, 1000); // ~180 s of writes
    const intervals = starts.slice(1).map((at, i) => at - starts[i]!);
    const mean = intervals.reduce((sum, value) => sum + value, 0) / intervals.length;
    expect(intervals.length).toBeGreaterThan(50);
    expect(mean).toBeGreaterThan(800);
    expect(mean).toBeLessThan(1250);
    expect(dropStarts.length).toBe(dropper.dropEvents);
  });

  it('passes everything through until the first drop is due', () => {
    let now = 0;
    const dropper = new LostBytesDropper({ meanIntervalMs: 1000, random: () => 0.5, now: () => now });
    const chunk = Buffer.alloc(5000, 1);
    expect(dropper.filter(chunk)).toBe(chunk); // first drop due at 693.1 ms
    now = 693;
    expect(dropper.filter(chunk)).toBe(chunk);
    now = 694;
    expect(dropper.filter(chunk).length).toBe(5000 - 2500); // keeps 2500, drops 200 + 3900 of the rest
    expect(dropper.filter(Buffer.alloc(0))).toHaveLength(0);
  });
});

describe('drawInterval', () => {
  it('draws exponentially: zero at 0 and the mean at 1 - 1/e', () => {
    expect(drawInterval(3000, () => 0)).toBe(-0);
    expect(drawInterval(3000, () => 1 - 1 / Math.E)).toBeCloseTo(3000, 6);
  });
});
