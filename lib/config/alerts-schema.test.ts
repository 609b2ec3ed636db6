import { describe, expect, it } from 'vitest';
import { parseConfig } from './load-config.ts';

const camera = { id: 'roof', name: 'Roof', source: 'test:' };

describe('alerts in the cameras file', () => {
  it('default to no webhooks, 5 minutes and a 60-minute flap window', () => {
    expect(parseConfig({ cameras: [camera] }).alerts).toEqual({ webhooks: [], alertAfterMinutes: 5, flapWindowMinutes: 60 });
    expect(parseConfig(undefined).alerts.webhooks).toEqual([]);
  });

  it('take several webhooks, json by default', () => {
    const { alerts } = parseConfig({ cameras: [camera], alerts: { webhooks: [{ url: 'https://ntfy.sh/roof', format: 'ntfy' }, { url: 'http://10.0.0.5/hook', secret: 'a-secret-of-16-chars+' }], alertAfterMinutes: 2 } });
    expect(alerts.webhooks).toEqual([{ url: 'https://ntfy.sh/roof', format: 'ntfy' }, { url: 'http://10.0.0.5/hook', format: 'json', secret: 'a-secret-of-16-chars+' }]);
    expect(alerts.alertAfterMinutes).toBe(2);
  });

  it('list every problem', () => {
    const bad = { cameras: [camera], alerts: { webhooks: [{ url: 'ftp://x/' }, { url: 'https://x/', format: 'teams', secret: 'short' }], alertAfterMinutes: 0, extra: 1 } };
    expect(() => parseConfig(bad)).toThrow(/5 problem\(s\)/);
  });
});
