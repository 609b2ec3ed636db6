import { getDb } from '../db.ts';

export const SESSION_IDLE_MS = 7 * 24 * 3600_000; // sliding
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600_000;
const TOUCH_EVERY_MS = 60_000; // lastSeenAt is written at most once a minute per session

export async function createSession(tokenHash: string, now = new Date()): Promise<void> {
  await getDb().session.create({ data: { tokenHash, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS) } });
}

// A session is valid until 7 days after it was last used and never past its absolute expiry.
// Using it slides the idle limit; an expired one is deleted on sight.
export async function validateSession(tokenHash: string, now = new Date()): Promise<boolean> {
  const db = getDb();
  const session = await db.session.findUnique({ where: { tokenHash } });
  if (!session) return false;
  const idleLimit = session.lastSeenAt.getTime() + SESSION_IDLE_MS;
  if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= idleLimit) {
    await db.session.deleteMany({ where: { tokenHash } });
    return false;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await db.session.updateMany({ where: { tokenHash }, data: { lastSeenAt: now } });
  }
  return true;
}

export async function deleteSession(tokenHash: string): Promise<void> {
  await getDb().session.deleteMany({ where: { tokenHash } });
}

export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MS);
  const { count } = await getDb().session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleCutoff } }] } });
  return count;
}
