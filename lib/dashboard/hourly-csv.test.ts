import { describe, expect, it } from 'vitest';
import { buildHourlyCsv } from './hourly-csv.ts';

describe('hourly CSV', () => {
  it('writes one line per row with the local hour, quoting and defusing awkward fields', () => {
    const csv = buildHourlyCsv(
      [
        { cameraId: 'roof', hour: new Date('2026-03-29T01:00:00Z'), country: 'CH', device: 'mobile', source: 'direct', views: 7, watchSeconds: 700 },
        { cameraId: 'roof', hour: new Date('2026-03-29T02:00:00Z'), country: 'DE', device: 'desktop', source: '=cmd,"x"', views: 1, watchSeconds: 5 },
      ],
      'Europe/Zurich',
    );
    expect(csv).toBe(
      'hour_utc,hour_local,camera,country,device,source,views,watch_seconds\r\n' +
        '2026-03-29T01:00:00.000Z,2026-03-29 03:00,roof,CH,mobile,direct,7,700\r\n' +
        `2026-03-29T02:00:00.000Z,2026-03-29 04:00,roof,DE,desktop,"'=cmd,""x""",1,5\r\n`,
    );
  });
});
