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

  it('takes a list of allowed hosts and a cap on held reloads, and refuses malformed ones', () => {
    expect(parseEnv({ ALLOWED_HOSTS: 'cam.example.org, 192.168.1.5:3000' }).ALLOWED_HOSTS).toBe('cam.example.org, 192.168.1.5:3000');
    expect(() => parseEnv({ ALLOWED_HOSTS: 'https://cam.example.org' })).toThrow(/ALLOWED_HOSTS/);
    expect(parseEnv({}).HELD_RELOAD_LIMIT).toBe(1000);
    expect(() => parseEnv({ HELD_RELOAD_LIMIT: '-1' })).toThrow(/HELD_RELOAD_LIMIT/);
  });

  it('lists every problem at once', () => {
    let message = '';
    try {
      parseEnv({ PORT: 'eighty', ORIGIN_PORT: '70000', LOG_LEVEL: 'loud', DATABASE_URL: 'postgres://x' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('Invalid environment');
    for (const key of ['PORT', 'ORIGIN_PORT', 'LOG_LEVEL', 'DATABASE_URL']) expect(message).toMatch(new RegExp(`- ${key}:`));
  });
});
