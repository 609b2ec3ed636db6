import { getConfig } from '../lib/config/index.ts';
import { listDashboardZones } from '../lib/dashboard/dashboard-zones.ts';
import { redactDatabaseUrl } from '../lib/db/database-url.ts';
import { getEnv } from '../lib/env.ts';
import { migrateDatabase } from '../lib/db/migrate-database.ts';

const url = getEnv().DATABASE_URL;
const shown = redactDatabaseUrl(url);
try {
  const { applied, alreadyApplied } = await migrateDatabase(url);
  console.log(applied.length ? `Applied ${applied.length} migration(s) to ${shown}: ${applied.join(', ')}` : `Database ${shown} is up to date (${alreadyApplied.length} migration(s)).`);
  // The day charts' rollup is kept per dashboard zone, which the cameras file names: built here,
  // before the site starts, for zones that are new (or changed), from the hourly totals.
  const started = performance.now();
  const { ensureLocalDayZones } = await import('../lib/queries/analytics/ensure-local-day-zones.ts');
  const built = await ensureLocalDayZones(listDashboardZones(getConfig()));
  if (built.length) console.log(`Built the daily rollup for ${built.map((z) => `${z.cameraId} in ${z.timeZone}`).join(', ')} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`Migrating ${shown} failed: ${(error as Error).message}`);
  process.exit(1);
}
process.exit(0);
