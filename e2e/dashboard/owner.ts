import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';

// The e2e site's database (playwright.config.ts gives the site this data directory).
export const E2E_DB = `${process.env.E2E_DATA_DIR ?? 'data/e2e-dashboard'}/lookout.db`;

// Sets the owner's password the way an owner does: `npm run owner:password`, one line on stdin.
export function setOwnerPassword(password: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/owner-password.ts'], { input: `${password}\n`, env: { ...process.env, DATABASE_URL: `file:./${E2E_DB}` }, encoding: 'utf8' });
}

// Test set-up only: the state a fresh install starts from, or a session aged on purpose.
export function withDatabase<T>(use: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB);
  try {
    return use(db);
  } finally {
    db.close();
  }
}

export async function logIn(page: Page, password: string): Promise<void> {
  await page.goto('/dashboard/login');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL('**/dashboard');
}
