import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startControlServer, type ControlServer } from './control-server.ts';
import type { FaultMode, FaultOptions } from './faults.ts';

// The HTTP layer alone, against a stand-in for the simulator; the real one is in the integration test.
describe('control server', () => {
  const calls: { mode: FaultMode; options: FaultOptions }[] = [];
  let server: ControlServer;
  let base: string;

  beforeAll(async () => {
    server = await startControlServer(0, {
      getStatus: () => ({ ok: true }),
      setFault: async (mode, options) => {
        if (options.meanIntervalMs === 13) throw new Error('unexpected');
        calls.push({ mode, options });
        return { mode };
      },
    });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(() => server.stop());

  const postFault = (body: string) => fetch(`${base}/fault`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

  it('GET /status answers the status as JSON', async () => {
    const response = await fetch(`${base}/status`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ ok: true });
  });

  it('POST /fault passes the validated mode and options on', async () => {
    const response = await postFault(JSON.stringify({ mode: 'lost-bytes', meanIntervalMs: 3000, server: 'tcp' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ mode: 'lost-bytes' });
    expect(calls.at(-1)).toEqual({ mode: 'lost-bytes', options: { meanIntervalMs: 3000, server: 'tcp' } });
  });

  it.each([
    ['bad JSON', '{"mode":', 'invalid_json'],
    ['an empty body', '', 'invalid_json'],
    ['an unknown mode', '{"mode":"explode"}', 'invalid_fault'],
    ['a missing mode', '{"meanIntervalMs":3}', 'invalid_fault'],
    ['an unknown key', '{"mode":"none","extra":1}', 'invalid_fault'],
    ['a negative interval', '{"mode":"lost-bytes","meanIntervalMs":-5}', 'invalid_fault'],
    ['a body over 4 kB', JSON.stringify({ mode: 'none', pad: 'x'.repeat(5000) }), 'body_too_large'],
  ])('POST /fault with %s → 400 %s', async (_label, body, code) => {
    const before = calls.length;
    const response = await postFault(body);
    expect(response.status).toBe(400);
    const json = (await response.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe(code);
    expect(json.error.message.length).toBeGreaterThan(0);
    expect(calls.length).toBe(before);
  });

  it('names the field that is wrong', async () => {
    const json = (await (await postFault('{"mode":"lost-bytes","meanIntervalMs":"fast"}')).json()) as { error: { message: string } };
    expect(json.error.message).toMatch(/^meanIntervalMs: /);
  });

  it('405 with Allow for another method, 404 elsewhere', async () => {
    const wrongMethod = await fetch(`${base}/fault`);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await wrongMethod.json()).error.code).toBe('method_not_allowed');
    expect((await fetch(`${base}/status`, { method: 'DELETE' })).status).toBe(405);
    const missing = await fetch(`${base}/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });

  it('answers an unexpected failure with a generic 500 and logs it', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await postFault('{"mode":"lost-bytes","meanIntervalMs":13}');
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: { code: 'internal', message: 'Internal error' } });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});
