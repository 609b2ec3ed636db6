import type { Page } from '@playwright/test';
import { collectConsoleErrors } from './video';

// Every page test fails on console errors and on CSP violations.
export async function guardPage(page: Page): Promise<{ errors: string[]; cspViolations: () => Promise<string[]> }> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const errors = collectConsoleErrors(page);
  return { errors, cspViolations: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp) };
}
