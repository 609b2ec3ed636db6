import argon2 from 'argon2';

// Argon2id above OWASP's minimum (m=19 MiB, t=2, p=1): 64 MiB, 3 passes, 1 lane (~0.1 s here).
const OPTIONS = { type: argon2.argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const;
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 1024;

export function describePasswordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `The password needs at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `The password may have at most ${PASSWORD_MAX_LENGTH} characters.`;
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

// With no password set the check still costs one Argon2 verification, so neither the answer
// nor its timing tells whether a password exists.
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (password.length === 0 || password.length > PASSWORD_MAX_LENGTH) return false;
  if (hash === null) {
    dummyHash ??= hashPassword('no password is set; this hash only spends the time');
    await argon2.verify(await dummyHash, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
