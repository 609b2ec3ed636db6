import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('parseEnv', () => {
  it('applies defaults when nothing is set', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', ORIGIN_PORT: 3100, DATABASE_URL: 'file:./data/lookout.db', LOOKOUT_CONFIG: 'lookout.config.json' });
    expect(env.ORIGIN_URL).toBe('http://127.0.0.1:3100');
  });

  it('treats empty values as unset and coerces numbers', () => {
    expect(parseEnv({ PORT: '', ORIGIN_PORT: '4000' })).toMatchObject({ PORT: 3000, ORIGIN_PORT: 4000, ORIGIN_URL: 'http://127.0.0.1:4000' });
  });

  it('keeps an explicit ORIGIN_URL', () => {
    expect(parseEnv({ ORIGIN_URL: 'http://10.0.0.5:3100' }).ORIGIN_URL).toBe('http://10.0.0.5:3100');
  });

  it('trusts loopback proxies by default and refuses a malformed list', () => {
    expect(parseEnv({}).TRUSTED_PROXIES).toBe('loopback');
    expect(parseEnv({ TRUSTED_PROXIES: '10.0.0.0/8, loopback' }).TRUSTED_PROXIES).toBe('10.0.0.0/8, loopback');
    expect(() => parseEnv({ TRUSTED_PROXIES: 'everyone' })).toThrow(/TRUSTED_PROXIES/);
  });

  it('takes SQLite file: URLs and PostgreSQL URLs, and refuses anything else', () => {
    expect(parseEnv({ DATABASE_URL: 'file:/var/lib/lookout/lookout.db' }).DATABASE_URL).toBe('file:/var/lib/lookout/lookout.db');
    expect(parseEnv({ DATABASE_URL: 'postgresql://lookout:secret@db.example:5432/lookout' }).DATABASE_URL).toBe('postgresql://lookout:secret@db.example:5432/lookout');
    expect(parseEnv({ DATABASE_URL: 'postgres://lookout@127.0.0.1/lookout' }).DATABASE_URL).toBe('postgres://lookout@127.0.0.1/lookout');
    for (const bad of ['mysql://x/y', 'lookout.db', 'file:', 'postgresql://', 'postgresql:///lookout']) {
      expect(() => parseEnv({ DATABASE_URL: bad }), bad).toThrow(/- DATABASE_URL: file:<path> for SQLite, or postgresql:/);
    }
  });

  it('takes a list of allowed hosts and a cap on held reloads, and refuses malformed ones', () => {
    expect(parseEnv({ ALLOWED_HOSTS: 'cam.example.org, 192.168.1.5:3000' }).ALLOWED_HOSTS).toBe('cam.example.org, 192.168.1.5:3000');
    expect(() => parseEnv({ ALLOWED_HOSTS: 'https://cam.example.org' })).toThrow(/ALLOWED_HOSTS/);
    expect(parseEnv({}).HELD_RELOAD_LIMIT).toBe(1000);
    expect(() => parseEnv({ HELD_RELOAD_LIMIT: '-1' })).toThrow(/HELD_RELOAD_LIMIT/);
  });

  it('lists every problem at once', () => {
    let message = '';
    try {
      parseEnv({ PORT: 'eighty', ORIGIN_PORT: '70000', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Invalid environment');
    for (const key of ['PORT', 'ORIGIN_PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(message).toMatch(new RegExp(`- ${key}:`));
  });
});

describe('origin and metrics settings', () => {
  it('read ORIGIN_TOKEN, ORIGIN_TRUST_LOOPBACK and METRICS_PORT', () => {
    expect(parseEnv({})).toMatchObject({ ORIGIN_TRUST_LOOPBACK: true, METRICS_HOST: '127.0.0.1' });
    expect(parseEnv({}).ORIGIN_TOKEN).toBeUndefined();
    expect(parseEnv({ ORIGIN_TOKEN: 'x'.repeat(32), ORIGIN_TRUST_LOOPBACK: 'false', METRICS_PORT: '9464' })).toMatchObject({ ORIGIN_TOKEN: 'x'.repeat(32), ORIGIN_TRUST_LOOPBACK: false, METRICS_PORT: 9464 });
    expect(() => parseEnv({ ORIGIN_TOKEN: 'short', ORIGIN_TRUST_LOOPBACK: 'no', METRICS_PORT: '0' })).toThrow(/ORIGIN_TOKEN[\s\S]*ORIGIN_TRUST_LOOPBACK[\s\S]*METRICS_PORT/);
  });
});
