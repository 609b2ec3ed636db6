// Fails before anything starts when the environment or the cameras file is wrong,
// listing every problem at once.
import { getConfig } from '../lib/config/index.ts';
import { getEnv } from '../lib/env.ts';

try {
  const env = getEnv();
  const config = getConfig();
  const names = config.cameras.map((c) => `${c.id} (${c.publicSource})`).join(', ');
  console.log(`setup | ${config.usingTestCamera ? `no cameras in ${env.LOOKOUT_CONFIG}: using the built-in test camera` : `cameras: ${names}`}`);
} catch (error) {
  console.error(`setup | ${(error as Error).message.replaceAll('\n', '\nsetup | ')}`);
  process.exit(1);
}
