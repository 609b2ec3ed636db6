import { expect, it } from 'vitest';
import { hasOwnerPassword, setOwnerPasswordHash } from './owner.ts';
import { createSession, deleteExpiredSessions, deleteSession, SESSION_IDLE_MS, validateSession } from './sessions.ts';
import { describeEachDatabase } from './testing/test-database.ts';

const t0 = new Date('2026-01-01T00:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const DAY = 86_400_000;

describeEachDatabase('owner sessions', () => {
  it('slides the 7-day idle limit with use but never passes the 30-day absolute limit', async () => {
    await createSession('a', t0);
    expect(await validateSession('a', at(6 * DAY))).toBe(true); // used on day 6: idle limit now day 13
    expect(await validateSession('a', at(12 * DAY))).toBe(true);
    expect(await validateSession('a', at(18 * DAY))).toBe(true);
    expect(await validateSession('a', at(24 * DAY))).toBe(true);
    expect(await validateSession('a', at(30 * DAY))).toBe(false); // absolute limit
    expect(await validateSession('a', at(24 * DAY))).toBe(false); // and it was deleted
  });

  it('expires a session idle for 7 days', async () => {
    await createSession('b', t0);
    expect(await validateSession('b', at(SESSION_IDLE_MS - 1))).toBe(true);
    expect(await validateSession('b', at(2 * SESSION_IDLE_MS))).toBe(false);
  });

  it('revokes one session on logout and all of them on a password change', async () => {
    await createSession('c', t0);
    await createSession('d', t0);
    await createSession('e', t0);
    await deleteSession('c');
    expect(await validateSession('c', at(1000))).toBe(false);
    expect(await hasOwnerPassword()).toBe(false);
    expect(await setOwnerPasswordHash('$argon2id$fake')).toEqual({ revokedSessions: 2 });
    expect(await hasOwnerPassword()).toBe(true);
    expect(await validateSession('d', at(1000))).toBe(false);
  });

  it('sweeps expired sessions', async () => {
    await createSession('f', t0);
    await createSession('g', at(20 * DAY));
    expect(await deleteExpiredSessions(at(21 * DAY))).toBe(1);
  });
});
