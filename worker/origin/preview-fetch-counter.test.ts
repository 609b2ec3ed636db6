import { describe, expect, it } from 'vitest';
import type { OriginEvent } from '../../lib/origin-events.ts';
import { createPreviewFetchCounter } from './preview-fetch-counter.ts';

const at = (iso: string) => new Date(iso).getTime();

describe('createPreviewFetchCounter', () => {
  it('counts per camera, UTC hour and portal, and emits each count once', () => {
    const events: OriginEvent[] = [];
    const counter = createPreviewFetchCounter((event) => events.push(event), 3_600_000);
    counter.count('roof', 'windy', 'curl/8', at('2026-11-30T09:59:59Z'));
    counter.count('roof', 'windy', undefined, at('2026-11-30T10:00:00Z'));
    counter.count('roof', 'windy', undefined, at('2026-11-30T10:30:00Z'));
    counter.count('roof', null, 'WebcamsTravel-Bot/2.0', at('2026-11-30T10:31:00Z'));
    counter.count('pi', null, 'curl/8', at('2026-11-30T10:32:00Z'));
    counter.emit();
    expect(events).toEqual([
      { type: 'preview-fetches', cameraId: 'roof', hour: '2026-11-30T09:00:00.000Z', portal: 'windy', fetches: 1 },
      { type: 'preview-fetches', cameraId: 'roof', hour: '2026-11-30T10:00:00.000Z', portal: 'windy', fetches: 2 },
      { type: 'preview-fetches', cameraId: 'roof', hour: '2026-11-30T10:00:00.000Z', portal: 'webcams-travel', fetches: 1 },
      { type: 'preview-fetches', cameraId: 'pi', hour: '2026-11-30T10:00:00.000Z', portal: 'unknown', fetches: 1 },
    ]);
    counter.emit();
    expect(events).toHaveLength(4);
    counter.count('roof', 'windy', undefined);
    counter.stop(); // stopping hands over what is left
    expect(events).toHaveLength(5);
    expect(JSON.stringify(events)).not.toContain('curl');
  });

  it('emits on its own timer', async () => {
    const events: OriginEvent[] = [];
    const counter = createPreviewFetchCounter((event) => events.push(event), 20);
    counter.count('roof', 'windy', undefined);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => events.length && (clearInterval(poll), resolve()), 5);
    });
    counter.stop();
    expect(events[0]).toMatchObject({ portal: 'windy', fetches: 1 });
  });
});
