import { getConfig } from '../lib/config/index.ts';
import { getEnv } from '../lib/env.ts';
import { createLogger, setLogLevel } from '../lib/log.ts';
import { startWorker } from './start-worker.ts';

const log = createLogger('worker');

async function main(): Promise<void> {
  const env = getEnv();
  setLogLevel(env.LOG_LEVEL);
  const config = getConfig();
  if (config.usingTestCamera) log.info(`no cameras in ${env.LOOKOUT_CONFIG}: using the built-in test camera`);
  const worker = await startWorker({
    config,
    dataDir: env.LOOKOUT_DATA_DIR,
    ffmpegPath: env.FFMPEG_PATH,
    originHost: env.ORIGIN_HOST,
    originPort: env.ORIGIN_PORT,
    maxHeldReloads: env.HELD_RELOAD_LIMIT,
    originToken: env.ORIGIN_TOKEN,
    trustLoopback: env.ORIGIN_TRUST_LOOPBACK,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: stopping`);
    await worker.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: Error) => {
  log.error(error.message);
  process.exit(1);
});
