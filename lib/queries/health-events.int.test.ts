import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../migrate.ts';

describe('health events through Prisma on real SQLite', () => {
  it('records and reads back events, newest first', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lookout-q-')), 'lookout.db');
    applyMigrations(file, 'prisma/migrations');
    process.env.DATABASE_URL = `file:${file}`;
    const { recordHealthEvent, getRecentHealthEvents } = await import('./health-events.ts');
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
