import { isbot } from 'isbot';

// isbot's list plus our rules: no User-Agent at all, and headless browsers.
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  if (!userAgent || userAgent.trim() === '') return true;
  if (/HeadlessChrome|PhantomJS|Lighthouse/i.test(userAgent)) return true;
  return isbot(userAgent);
}
