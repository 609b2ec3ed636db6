import { randomBytes } from 'node:crypto';
import { getDb } from '../../db.ts';

// The day's 32-byte salt, made on first use. upsert with an empty update keeps an existing one.
export async function getOrCreateVisitorSalt(day: Date): Promise<Buffer> {
  const row = await getDb().visitorSalt.upsert({ where: { day }, create: { day, salt: randomBytes(32) }, update: {} });
  return Buffer.from(row.salt);
}

// The day's visitor hashes, so a restarted site does not count a visitor twice.
export async function listVisitorHashes(day: Date): Promise<{ cameraId: string; hash: string }[]> {
  return getDb().visitorHash.findMany({ where: { day }, select: { cameraId: true, hash: true } });
}

// Salts and hashes of days that began before `cutoff` (48 h ago) are deleted together.
export async function deleteVisitorDataBefore(cutoff: Date): Promise<void> {
  const db = getDb();
  await db.$transaction([db.visitorHash.deleteMany({ where: { day: { lt: cutoff } } }), db.visitorSalt.deleteMany({ where: { day: { lt: cutoff } } })]);
}
