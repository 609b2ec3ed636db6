import { getDb } from '../db.ts';

// The one owner's password hash, or null while none is set (there is no default password).
export async function getOwnerPasswordHash(): Promise<string | null> {
  const owner = await getDb().owner.findUnique({ where: { id: 1 } });
  return owner?.passwordHash ?? null;
}

export async function hasOwnerPassword(): Promise<boolean> {
  return (await getDb().owner.count()) > 0;
}

// Setting the password revokes every session in the same transaction.
export async function setOwnerPasswordHash(passwordHash: string, now = new Date()): Promise<{ revokedSessions: number }> {
  const [, revoked] = await getDb().$transaction([
    getDb().owner.upsert({ where: { id: 1 }, create: { id: 1, passwordHash, passwordChangedAt: now }, update: { passwordHash, passwordChangedAt: now } }),
    getDb().session.deleteMany({}),
  ]);
  return { revokedSessions: revoked.count };
}
