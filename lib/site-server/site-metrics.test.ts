import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { touchViewer } from '../analytics/viewers-now.ts';
import { getMetricsRegistry } from '../metrics/registry.ts';
import { addWatchSeconds, countBeaconRejected, countPreviewFetch, countView } from '../analytics/analytics-metrics.ts';
import { classifyRoute, countHttpRequest, renderSiteMetrics } from './site-metrics.ts';

// A real cameras file, read the way the site reads it (once, on first use).
const dir = mkdtempSync(join(tmpdir(), 'lookout-metrics-'));
writeFileSync(join(dir, 'lookout.config.json'), JSON.stringify({ cameras: ['roof', 'gate'].map((id) => ({ id, name: id, source: 'test:' })) }));
process.env.LOOKOUT_CONFIG = join(dir, 'lookout.config.json');

describe('site metrics', () => {
  it('counts with Prometheus names, base units and the camera id as the only camera label', async () => {
    countView('roof');
    countView('roof');
    addWatchSeconds('roof', 30.5);
    addWatchSeconds('roof', -3); // a clock going back adds nothing
    countPreviewFetch('roof', 'windy', 'edge', 4);
    countBeaconRejected('too_large');
    countHttpRequest('media', 200);
    touchViewer('pv-1', 'roof');
    const { body, contentType } = await renderSiteMetrics();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toMatch(/^lookout_views_total\{camera="roof"\} 2$/m);
    expect(body).toMatch(/^lookout_watch_seconds_total\{camera="roof"\} 30\.5$/m);
    expect(body).toMatch(/^lookout_preview_fetches_total\{camera="roof",portal="windy",via="edge"\} 4$/m);
    expect(body).toMatch(/^lookout_beacon_rejects_total\{reason="too_large"\} 1$/m);
    expect(body).toMatch(/^lookout_http_requests_total\{route="media",status="200"\} 1$/m);
    expect(body).toMatch(/^lookout_viewers\{camera="roof"\} 1$/m);
    expect(body).toMatch(/^lookout_viewers\{camera="gate"\} 0$/m);
    for (const name of body.match(/^# TYPE (\S+) counter$/gm) ?? []) expect(name).toMatch(/_total counter$/);
    for (const line of body.split('\n').filter((l) => l && !l.startsWith('#'))) expect(line).toMatch(/^lookout_/);
  });

  it('keeps one registry per process, even when a second bundle evaluates the module again', async () => {
    vi.resetModules();
    const again = await import('./site-metrics.ts');
    (await import('../analytics/analytics-metrics.ts')).countView('roof');
    const { getMetricsRegistry: registryAgain } = await import('../metrics/registry.ts');
    expect(registryAgain()).toBe(getMetricsRegistry());
    expect((await again.renderSiteMetrics()).body).toMatch(/^lookout_views_total\{camera="roof"\} 3$/m);
  });

  it('sorts requests into route classes', () => {
    expect(['/', '/embed/roof', '/api/health', '/api/beacon', '/hls/roof/index.m3u8', '/cameras/roof/preview.jpg?w=640', '/preview.jpg', '/_next/static/x.js', '/player/hls.js'].map(classifyRoute)).toEqual(['page', 'page', 'api', 'beacon', 'media', 'media', 'media', 'static', 'static']);
  });
});
