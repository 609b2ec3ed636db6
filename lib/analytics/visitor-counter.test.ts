import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashVisitor } from './visitor-counter.ts';

describe('hashVisitor (daily salt, IP, User-Agent, camera)', () => {
  const salt = randomBytes(32);
  it('is stable within a day and never contains the address or UA', () => {
    const hash = hashVisitor(salt, '203.0.113.9', 'Mozilla/5.0 Test', 'roof');
    expect(hash).toBe(hashVisitor(salt, '203.0.113.9', 'Mozilla/5.0 Test', 'roof'));
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    expect(hash).not.toContain('203');
  });
  it('differs when any part differs, and with the next day’s salt', () => {
    const hash = hashVisitor(salt, '203.0.113.9', 'UA', 'roof');
    expect(hashVisitor(salt, '203.0.113.10', 'UA', 'roof')).not.toBe(hash);
    expect(hashVisitor(salt, '203.0.113.9', 'UA2', 'roof')).not.toBe(hash);
    expect(hashVisitor(salt, '203.0.113.9', 'UA', 'pi')).not.toBe(hash);
    expect(hashVisitor(randomBytes(32), '203.0.113.9', 'UA', 'roof')).not.toBe(hash);
  });
});
