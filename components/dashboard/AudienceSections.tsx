import type { CountryRow } from '@/lib/queries/analytics/get-views-by-country';
import type { DeviceRow } from '@/lib/queries/analytics/get-views-by-device';
import type { SourceRow } from '@/lib/queries/analytics/get-views-by-source';
import { BarTable } from './BarTable';
import { formatCountry } from './format';
import { Card, EmptyState, Section } from './Section';
import { WorldMap } from './WorldMap';

const DEVICE_NAMES: Record<string, string> = { 'smart-tv': 'Smart TV', mobile: 'Phone', tablet: 'Tablet', desktop: 'Desktop', console: 'Game console', other: 'Other' };

export function WhereSection({ countries, rangeLabel }: { countries: CountryRow[]; rangeLabel: string }) {
  return (
    <Section id="where" title="Where" note={`Views by country, ${rangeLabel}`}>
      <div className="grid gap-3 lg:grid-cols-[2fr_1fr]">
        <Card>
          <WorldMap rows={countries} />
          <p className="mt-2 text-xs text-neutral-500">
            IP geolocation by <a className="underline hover:text-neutral-300" href="https://db-ip.com">DB-IP</a>
          </p>
        </Card>
        <Card>
          {countries.length === 0 ? (
            <EmptyState>No views yet, so no countries. The map fills in as people watch.</EmptyState>
          ) : (
            <BarTable testId="country-table" caption="Views by country" firstColumn="Country" rows={countries.map((c) => ({ key: c.country, label: formatCountry(c.country), views: c.views, watchSeconds: c.watchSeconds }))} />
          )}
        </Card>
      </div>
    </Section>
  );
}

export function DevicesSection({ devices, rangeLabel }: { devices: DeviceRow[]; rangeLabel: string }) {
  return (
    <Section id="devices" title="Devices" note={`${rangeLabel}; Smart TVs left on show up as long watch time`}>
      <Card>
        {devices.length === 0 ? (
          <EmptyState>No views yet.</EmptyState>
        ) : (
          <BarTable testId="device-table" caption="Views by device" firstColumn="Device" rows={devices.map((d) => ({ key: d.device, label: DEVICE_NAMES[d.device] ?? d.device, views: d.views, watchSeconds: d.watchSeconds }))} />
        )}
      </Card>
    </Section>
  );
}

export function SourcesTable({ sources }: { sources: SourceRow[] }) {
  if (sources.length === 0) return <EmptyState>No views yet, so no referrers or embedding sites.</EmptyState>;
  return <BarTable testId="source-table" caption="Views by referrer or embedding site" firstColumn="Source" rows={sources.map((s) => ({ key: s.source, label: s.source === 'direct' ? 'Direct / unknown' : s.source, views: s.views, watchSeconds: s.watchSeconds }))} />;
}
