import { describe, expect, it } from 'vitest';
import { describePasswordProblem, hashPassword, verifyPassword } from './password.ts';

describe('owner password', () => {
  it('stores Argon2id with at least OWASP parameters and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=1,t=3\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  }, 60_000);
  it('says no when no password is set, whatever is tried', async () => {
    expect(await verifyPassword(null, 'no password is set; this hash only spends the time')).toBe(false);
    expect(await verifyPassword(null, 'anything')).toBe(false);
  }, 60_000);
  it('asks for at least 12 characters', () => {
    expect(describePasswordProblem('short')).toMatch(/12 characters/);
    expect(describePasswordProblem('twelve chars')).toBeNull();
  }, 60_000);
});
