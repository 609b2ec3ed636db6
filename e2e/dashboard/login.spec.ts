import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { guardPage } from '../page-guards';
import { logIn, setOwnerPassword, withDatabase } from './owner';

const PASSWORD = 'e2e owner password 1';
const COOKIE = '__Host-lookout-session';
const isoDate = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00'); // as Prisma stores DateTime in SQLite

// Each /api/admin/** route in the source tree, so a new one without the guard fails here.
function listAdminRoutes(dir = 'app/api/admin'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return listAdminRoutes(path);
    return name === 'route.ts' ? [`/${dir.replace(/^app\//, '')}`] : [];
  });
}

test.describe.configure({ mode: 'serial' });

test('with no password set, /dashboard shows only the command to set one', async ({ page }) => {
  withDatabase((db) => db.exec('DELETE FROM "Owner"; DELETE FROM "Session";'));
  const guard = await guardPage(page);
  const response = await page.goto('/dashboard');
  expect(response?.status()).toBe(200);
  await expect(page.getByTestId('set-password-command')).toHaveText('npm run owner:password');
  await expect(page.getByTestId('dashboard')).toHaveCount(0);
  expect(guard.errors).toEqual([]);
});

test('a login attempt with no password set gets the same answer as a wrong password', async ({ request, baseURL }) => {
  const response = await request.post('/api/auth/login', { form: { password: 'anything at all' }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers()['location']).toBe('/dashboard/login?error=wrong');
  expect(response.headers()['set-cookie']).toBeUndefined();
});

test('the login form works without JavaScript: wrong password, then the right one', async ({ browser }) => {
  setOwnerPassword(PASSWORD);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/dashboard\/login$/);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByTestId('login-error')).toHaveText(/password is not right/);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId('dashboard')).toBeAttached();
  const cookie = (await context.cookies()).find((c) => c.name === COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
  expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(cookie!.expires - Date.now() / 1000).toBeGreaterThan(29 * 86400);
  await context.close();
});

test('the session cookie is set with every flag, and only its hash is stored', async ({ request, baseURL }) => {
  const response = await request.post('/api/auth/login', { form: { password: PASSWORD }, headers: { Origin: baseURL! }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  const setCookie = response.headers()['set-cookie']!;
  expect(setCookie).toMatch(/^__Host-lookout-session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=2592000; HttpOnly; Secure; SameSite=Strict$/);
  const token = setCookie.split(';')[0]!.split('=')[1]!;
  const stored = withDatabase((db) => db.prepare('SELECT "tokenHash" FROM "Session"').all() as { tokenHash: string }[]);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored.map((s) => s.tokenHash).join()).not.toContain(token);
  expect(stored.every((s) => /^[0-9a-f]{64}$/.test(s.tokenHash))).toBe(true);
});

test('the 6th wrong password within 15 minutes gets 429 with Retry-After, even the right one', async ({ request, baseURL }) => {
  // A client behind the (trusted, loopback) edge, so the throttle does not lock out 127.0.0.1.
  const headers = { Origin: baseURL!, 'X-Forwarded-For': '198.51.100.23', 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': new URL(baseURL!).host };
  const origin = `https://${new URL(baseURL!).host}`;
  for (let i = 0; i < 5; i++) {
    const r = await request.post('/api/auth/login', { form: { password: `wrong ${i}` }, headers: { ...headers, Origin: origin }, maxRedirects: 0 });
    expect(r.status()).toBe(303);
  }
  const sixth = await request.post('/api/auth/login', { form: { password: PASSWORD }, headers: { ...headers, Origin: origin }, maxRedirects: 0 });
  expect(sixth.status()).toBe(429);
  expect(Number(sixth.headers()['retry-after'])).toBeGreaterThan(800);
  expect(await sixth.text()).toContain('Too many wrong passwords');
  expect(sixth.headers()['set-cookie']).toBeUndefined();
  // Another client is not affected.
  const other = await request.post('/api/auth/login', { form: { password: PASSWORD }, headers: { ...headers, Origin: origin, 'X-Forwarded-For': '198.51.100.24' }, maxRedirects: 0 });
  expect(other.status()).toBe(303);
  expect(other.headers()['location']).toBe('/dashboard');
});

test('over plain HTTP from another machine the login refuses and says HTTPS is needed', async ({ page, request, baseURL }) => {
  const response = await request.post('/api/auth/login', { form: { password: PASSWORD }, headers: { Origin: baseURL!, 'X-Forwarded-For': '203.0.113.40' }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain('The dashboard needs HTTPS');
  expect(response.headers()['set-cookie']).toBeUndefined();
  await page.setExtraHTTPHeaders({ 'X-Forwarded-For': '203.0.113.40' });
  await page.goto('/dashboard/login');
  await expect(page.getByTestId('https-needed')).toContainText('needs HTTPS');
  await expect(page.getByLabel('Password')).toHaveCount(0);
});

test('a POST from another Origin is refused with 403', async ({ request, page }) => {
  const login = await request.post('/api/auth/login', { form: { password: PASSWORD }, headers: { Origin: 'http://evil.example' }, maxRedirects: 0 });
  expect(login.status()).toBe(403);
  expect(login.headers()['set-cookie']).toBeUndefined();
  const noOrigin = await request.post('/api/auth/login', { form: { password: PASSWORD }, maxRedirects: 0 });
  expect(noOrigin.status()).toBe(403);
  await logIn(page, PASSWORD);
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const logout = await request.post('/api/auth/logout', { headers: { Origin: 'http://evil.example', Cookie: cookies }, maxRedirects: 0 });
  expect(logout.status()).toBe(403);
  for (const route of listAdminRoutes()) {
    // A route that changes nothing has no POST at all (405); one that does refuses the foreign Origin.
    const hasPost = /export const POST\b/.test(readFileSync(`app${route}/route.ts`, 'utf8'));
    const r = await request.post(route, { headers: { Origin: 'http://evil.example', Cookie: cookies }, maxRedirects: 0 });
    expect(r.status(), `${route} from another origin`).toBe(hasPost ? 403 : 405);
  }
  await page.goto('/dashboard');
  await expect(page.getByTestId('dashboard')).toBeAttached(); // the refused logout did not log out
});

test('each /api/admin/** route answers 401 without a session', async ({ request }) => {
  const routes = listAdminRoutes();
  expect(routes.length).toBeGreaterThan(0);
  for (const route of routes) {
    const r = await request.get(route, { maxRedirects: 0 });
    expect(r.status(), route).toBe(401);
    expect(await r.json()).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
    const forged = await request.get(route, { maxRedirects: 0, headers: { Cookie: `${COOKIE}=${'A'.repeat(43)}` } });
    expect(forged.status(), `${route} with a forged cookie`).toBe(401);
  }
});

test('logout revokes the session: back to the login, and the old cookie is dead', async ({ page, request }) => {
  await logIn(page, PASSWORD);
  const cookie = (await page.context().cookies()).find((c) => c.name === COOKIE)!;
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/dashboard\/login$/);
  const replay = await request.get('/dashboard', { headers: { Cookie: `${COOKIE}=${cookie.value}` }, maxRedirects: 0 });
  expect(replay.status()).toBe(307);
  expect(replay.headers()['location']).toBe('/dashboard/login');
});

test('a forged or expired session goes to the login', async ({ page, context }) => {
  await logIn(page, PASSWORD);
  const [cookie] = (await context.cookies()).filter((c) => c.name === COOKIE);
  // Idle for over 7 days: the sliding limit has passed.
  withDatabase((db) => db.prepare('UPDATE "Session" SET "lastSeenAt" = ?').run(isoDate(Date.now() - 8 * 86_400_000)));
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/dashboard\/login$/);
  // Past the absolute limit, though recently used.
  await logIn(page, PASSWORD);
  withDatabase((db) => db.prepare('UPDATE "Session" SET "expiresAt" = ?').run(isoDate(Date.now() - 1000)));
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/dashboard\/login$/);
  await context.addCookies([{ ...cookie!, value: 'x'.repeat(43) }]);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/dashboard\/login$/);
});

test('changing the password revokes every session', async ({ page }) => {
  await logIn(page, PASSWORD);
  setOwnerPassword(`${PASSWORD} changed`);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/dashboard\/login$/);
  setOwnerPassword(PASSWORD);
});
