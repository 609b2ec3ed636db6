import { describe, expect, it } from 'vitest';
import { faultRequestSchema, NO_FAULT, resolveFault, selectServers } from './faults.ts';

describe('resolveFault', () => {
  it('fills in the defaults and stamps the time', () => {
    expect(resolveFault('lost-bytes', {}, 1234)).toEqual({ mode: 'lost-bytes', meanIntervalMs: 3000, durationMs: null, delayMs: 5000, holdMs: 300, since: 1234 });
  });

  it('keeps the options given', () => {
    const fault = resolveFault('slow-start', { meanIntervalMs: 50, durationMs: 2000, delayMs: 0 }, 1);
    expect(fault).toMatchObject({ meanIntervalMs: 50, durationMs: 2000, delayMs: 0 });
  });

  it('starts from no fault', () => {
    expect(NO_FAULT.mode).toBe('none');
  });
});

describe('selectServers', () => {
  it('means both servers unless one is named', () => {
    expect(selectServers({})).toEqual(['rtsp', 'tcp']);
    expect(selectServers({ server: 'all' })).toEqual(['rtsp', 'tcp']);
    expect(selectServers({ server: 'tcp' })).toEqual(['tcp']);
  });
});

describe('faultRequestSchema', () => {
  it('accepts a full request', () => {
    const body = { mode: 'lost-bytes', meanIntervalMs: 3000, server: 'tcp' };
    expect(faultRequestSchema.parse(body)).toEqual(body);
  });

  it.each([
    ['no mode', {}],
    ['an unknown mode', { mode: 'explode' }],
    ['an unknown key', { mode: 'none', meanIntervalMS: 5 }],
    ['a zero interval', { mode: 'lost-bytes', meanIntervalMs: 0 }],
    ['a negative delay', { mode: 'slow-start', delayMs: -1 }],
    ['a string number', { mode: 'lost-bytes', meanIntervalMs: '300' }],
    ['an unknown server', { mode: 'none', server: 'udp' }],
    ['an array', [{ mode: 'none' }]],
  ])('rejects %s', (_label, body) => {
    expect(faultRequestSchema.safeParse(body).success).toBe(false);
  });
});
