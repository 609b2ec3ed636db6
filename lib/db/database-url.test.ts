import { describe, expect, it } from 'vitest';
import { getDatabaseProvider, isDatabaseUrl, redactDatabaseUrl } from './database-url.ts';

describe('database URLs', () => {
  it('name the provider by scheme', () => {
    expect(getDatabaseProvider('file:./data/lookout.db')).toBe('sqlite');
    expect(getDatabaseProvider('postgresql://u@h/db')).toBe('postgresql');
    expect(getDatabaseProvider('postgres://u@h/db')).toBe('postgresql');
    expect(() => getDatabaseProvider('mysql://u@h/db')).toThrow(/file: \(SQLite\) or postgresql:\/\//);
    expect(isDatabaseUrl('postgresql://h:5432/db')).toBe(true);
    expect(isDatabaseUrl('postgresql:///db')).toBe(false);
    expect(isDatabaseUrl('file:')).toBe(false);
  });

  it('never show a password, even one with @ or : in it', () => {
    expect(redactDatabaseUrl('postgresql://lookout:s3cret@db:5432/lookout')).toBe('postgresql://lookout:***@db:5432/lookout');
    const odd = redactDatabaseUrl('postgres://lookout:p@ss:w@rd@db/lookout');
    expect(odd).not.toMatch(/p@ss|w@rd|ss:w|rd@db:/);
    expect(odd).toContain('@db/lookout');
    expect(redactDatabaseUrl('postgresql://lookout@db/lookout')).toBe('postgresql://lookout@db/lookout');
    expect(redactDatabaseUrl('file:./data/lookout.db')).toBe('file:./data/lookout.db');
  });
});
