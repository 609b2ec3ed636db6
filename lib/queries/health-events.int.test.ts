import { expect, it } from 'vitest';
import { getRecentHealthEvents, recordHealthEvent } from './health-events.ts';
import { describeEachDatabase } from './testing/test-database.ts';

describeEachDatabase('health events', () => {
  it('records and reads back events, newest first', async () => {
    await recordHealthEvent({ cameraId: 'roof', kind: 'starting', detail: 'starting ingest', at: new Date('2026-01-01T00:00:00Z') });
    await recordHealthEvent({ cameraId: 'roof', kind: 'live', detail: 'segments arriving', at: new Date('2026-01-01T00:00:03Z') });
    await recordHealthEvent({ cameraId: 'other', kind: 'offline', detail: 'x' });
    const events = await getRecentHealthEvents('roof');
    expect(events.map((e) => [e.kind, e.at.toISOString()])).toEqual([
      ['live', '2026-01-01T00:00:03.000Z'],
      ['starting', '2026-01-01T00:00:00.000Z'],
    ]);
  });
});
