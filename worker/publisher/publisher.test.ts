import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parsePlaylist } from '../../lib/hls/parse-playlist.ts';
import { PLAYLIST_NAME, Publisher } from './publisher.ts';

let root: string;
let clock: number;
const now = () => clock;

function stage(name: string): string {
  const file = join(root, 'staging', name);
  writeFileSync(file, 'x');
  return file;
}

const open = () => Publisher.open({ dir: join(root, 'hls'), stateFile: join(root, 'state', 'cam.json'), targetDuration: 2, windowSize: 3, now });
const read = () => parsePlaylist(readFileSync(join(root, 'hls', PLAYLIST_NAME), 'utf8'));

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'lookout-pub-'));
  mkdirSync(join(root, 'staging'));
  clock = 1_800_000_000_000;
});

describe('Publisher', () => {
  it('moves segments into the public dir and writes the playlist with wall-clock times', async () => {
    const publisher = await open();
    await publisher.publish(stage('a-000000.ts'), 2);
    expect(existsSync(join(root, 'hls', 'a-000000.ts'))).toBe(true);
    expect(existsSync(join(root, 'staging', 'a-000000.ts'))).toBe(false);
    const playlist = read();
    expect(playlist.segments).toEqual([{ name: 'a-000000.ts', duration: 2, programDateTime: new Date(clock - 2000).toISOString(), discontinuity: false }]);
    expect(readdirSync(join(root, 'hls')).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('stamps a segment with when it started, never before the previous one ended', async () => {
    const publisher = await open();
    const start = clock;
    await publisher.publish(stage('a-0.ts'), 1, start - 3000); // published late
    await publisher.publish(stage('a-1.ts'), 1.5, start - 2500); // arrival jitter: overlaps a-0
    clock += 500;
    await publisher.publish(stage('a-2.ts'), 2); // no start given: it ended just now, so overlaps a-1
    const times = read().segments.map((s) => Date.parse(s.programDateTime!) - start);
    expect(times).toEqual([-3000, -2000, -500]);
  });

  it('does not stamp a segment in the future when the previous ones claimed more time than passed', async () => {
    const publisher = await open();
    await publisher.publish(stage('a-0.ts'), 2, clock - 1000); // "2 s" that took 1 s
    await publisher.publish(stage('a-1.ts'), 2, clock - 500);
    const [first, second] = read().segments.map((s) => Date.parse(s.programDateTime!));
    expect(first).toBe(clock - 1000);
    expect(second).toBe(clock); // not clock + 1000
  });

  it('marks a discontinuity after a break, not before the first segment', async () => {
    const publisher = await open();
    publisher.markDiscontinuity();
    await publisher.publish(stage('a-0.ts'), 2);
    publisher.markDiscontinuity();
    await publisher.publish(stage('b-0.ts'), 2);
    expect(read().segments.map((s) => s.discontinuity)).toEqual([false, true]);
  });

  it('keeps a retired segment on disk for target + playlist duration, then deletes it', async () => {
    const publisher = await open();
    for (let i = 0; i < 4; i++) {
      clock += 2000;
      await publisher.publish(stage(`a-${i}.ts`), 2);
    }
    expect(read().mediaSequence).toBe(1);
    expect(existsSync(join(root, 'hls', 'a-0.ts'))).toBe(true); // just retired
    clock += 7000; // < 2 + 6 s
    await publisher.publish(stage('a-4.ts'), 2);
    expect(existsSync(join(root, 'hls', 'a-0.ts'))).toBe(true);
    clock += 1500; // now > 8 s since a-0 left
    await publisher.publish(stage('a-5.ts'), 2);
    expect(existsSync(join(root, 'hls', 'a-0.ts'))).toBe(false);
    expect(existsSync(join(root, 'hls', 'a-2.ts'))).toBe(true);
  });

  it('continues the sequences after a restart and marks the restart', async () => {
    const first = await open();
    for (let i = 0; i < 5; i++) await first.publish(stage(`a-${i}.ts`), 2);
    const before = read();
    const second = await open();
    await second.publish(stage('b-0.ts'), 2);
    const after = read();
    expect(after.mediaSequence).toBe(before.mediaSequence + 1);
    expect(after.segments.at(-1)).toMatchObject({ name: 'b-0.ts', discontinuity: true });
  });

  it('removes files nobody references', async () => {
    const publisher = await open();
    await publisher.publish(stage('a-0.ts'), 2);
    writeFileSync(join(root, 'hls', 'orphan.ts'), 'x');
    writeFileSync(join(root, 'hls', 'index.m3u8.abcd.tmp'), 'x');
    expect(await publisher.removeStrays()).toBe(2);
    expect(readdirSync(join(root, 'hls')).sort()).toEqual(['a-0.ts', 'index.m3u8']);
  });
});
