import type { LookoutConfig } from '../cameras.ts';
import { getEnv } from '../env.ts';
import { loadConfig } from './load-config.ts';

let cached: LookoutConfig | undefined;

// The validated cameras file named by LOOKOUT_CONFIG, read once per process.
export function getConfig(): LookoutConfig {
  cached ??= loadConfig(getEnv().LOOKOUT_CONFIG);
  return cached;
}
