import type { Logger } from '../../lib/log.ts';
import type { AlertRequest } from './build-alert.ts';

export type RetryPolicy = { attempts: number; baseDelayMs: number; timeoutMs: number };
export const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 2000, timeoutMs: 10_000 };

// POSTs one alert, retrying with doubling delays on a network error, a timeout, a 5xx, 408 or
// 429. Other answers are final. Only the receiver's host is logged: webhook URLs carry tokens.
export async function sendWebhook(url: string, request: AlertRequest, log: Logger, retry: RetryPolicy = DEFAULT_RETRY): Promise<boolean> {
  const host = new URL(url).host;
  for (let attempt = 1; attempt <= retry.attempts; attempt++) {
    let outcome: string;
    try {
      const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body, redirect: 'error', signal: AbortSignal.timeout(retry.timeoutMs) });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) return true;
      outcome = `HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 408 && response.status !== 429) {
        log.warn(`alert to ${host} refused (${outcome}); not retrying`);
        return false;
      }
    } catch (error) {
      outcome = (error as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable';
    }
    if (attempt === retry.attempts) {
      log.warn(`alert to ${host} failed ${attempt} times (${outcome}); giving up`);
      return false;
    }
    const delay = retry.baseDelayMs * 2 ** (attempt - 1);
    log.info(`alert to ${host}: ${outcome}; retrying in ${Math.round(delay / 100) / 10}s`);
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  return false;
}
