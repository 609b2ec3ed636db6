import { redactText } from './redact.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

const knownSecrets = new Set<string>();
let minimum: Level = 'info';

export function setLogLevel(level: Level): void {
  minimum = level;
}

// Every configured password is registered at start so that no log line can carry it,
// whatever code produced the text.
export function registerSecrets(secrets: Iterable<string>): void {
  for (const secret of secrets) knownSecrets.add(secret);
}

export type Logger = Record<Level, (message: string, fields?: Record<string, unknown>) => void>;

export function createLogger(scope: string): Logger {
  const write = (level: Level) => (message: string, fields?: Record<string, unknown>) => {
    if (ORDER[level] < ORDER[minimum]) return;
    const extra = fields ? ` ${JSON.stringify(fields)}` : '';
    const line = redactText(`${level.padEnd(5)} [${scope}] ${message}${extra}`, [...knownSecrets]);
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
  };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
