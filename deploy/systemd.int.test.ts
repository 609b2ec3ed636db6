import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The shipped units under deploy/systemd, checked by systemd itself. The install directory
// (/opt/lookout) is pointed at this checkout so that verify can see the files it names.
const DIR = 'deploy/systemd';
const UNITS = readdirSync(DIR).filter((f) => f.endsWith('.service'));

// verify exits 0 even on an unknown key or a bad value: any complaint counts as a failure.
function verify(units: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lookout-units-'));
  for (const [name, text] of Object.entries(units)) writeFileSync(join(dir, name), text.replaceAll('/opt/lookout', resolve('.')));
  const run = spawnSync('systemd-analyze', ['verify', ...Object.keys(units).map((n) => join(dir, n))], { encoding: 'utf8' });
  if (run.error) throw run.error;
  return `${run.status === 0 ? '' : `exit ${run.status}\n`}${run.stderr}${run.stdout}`.trim();
}
const shipped = (name: string) => readFileSync(join(DIR, name), 'utf8');
const settings = (text: string) => text.split('\n').filter((l) => /^\w+=/.test(l));

describe('deploy/systemd', () => {
  it('ships a unit for the worker and one for the site', () => {
    expect(UNITS.sort()).toEqual(['lookout-site.service', 'lookout-worker.service']);
  });

  it('passes systemd-analyze verify without a complaint', () => {
    expect(verify(Object.fromEntries(UNITS.map((n) => [n, shipped(n)])))).toBe('');
  });

  it.each(UNITS)('%s restarts on failure, runs as its own user, and may write its data directory only', (name) => {
    const lines = settings(shipped(name));
    for (const line of ['Restart=on-failure', 'User=lookout', 'ProtectSystem=strict', 'ProtectHome=yes', 'NoNewPrivileges=yes', 'PrivateTmp=yes', 'CapabilityBoundingSet=']) expect(lines).toContain(line);
    expect(lines.filter((l) => l.startsWith('StateDirectory='))).toHaveLength(1);
    expect(lines.filter((l) => /^(ReadWritePaths|ReadWriteDirectories|LogsDirectory|CacheDirectory)=/.test(l))).toEqual([]);
  });

  it('catches a broken unit', () => {
    const broken = shipped('lookout-worker.service').replace('Restart=on-failure', 'Restrat=on-failure').replace('ProtectSystem=strict', 'ProtectSystem=strictly');
    const complaint = verify({ 'lookout-worker.service': broken });
    expect(complaint).toMatch(/Unknown key.*Restrat/);
    expect(complaint).toMatch(/protect system value/i);
  });
});
