import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError, toHttpError } from './errors.ts';
import { errorResponse, sendError, sendJson } from './http.ts';

describe('the one response helper', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/ok') return sendJson(response, 200, { fine: 'ü' }, { 'Cache-Control': 'public, max-age=1' });
      sendError(response, 404, 'not_found', 'Not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(() => server.close());

  it('sends JSON with its byte length, charset and the caller’s cache header', async () => {
    const response = await fetch(`${base}/ok`);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength('{"fine":"ü"}')));
    expect(response.headers.get('cache-control')).toBe('public, max-age=1');
    expect(await response.json()).toEqual({ fine: 'ü' });
  });

  it('sends errors in the one shape, not cached by default, and no body to HEAD', async () => {
    const response = await fetch(`${base}/nope`);
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Not found' } });
    const head = await fetch(`${base}/nope`, { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(await head.text()).toBe('');
  });

  it('builds the same shape for route handlers', async () => {
    const response = errorResponse(429, 'rate_limited', 'Slow down', { 'Retry-After': '60' });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(await response.json()).toEqual({ error: { code: 'rate_limited', message: 'Slow down' } });
  });

  it('turns only expected errors into their own answer; anything else is a generic 500', () => {
    expect(toHttpError(new HttpError(400, 'bad_request', 'x'))).toMatchObject({ expected: true, error: { status: 400 } });
    const unexpected = toHttpError(new Error('secret path /home/x'));
    expect(unexpected.expected).toBe(false);
    expect(unexpected.error.message).toBe('Internal error');
  });
});
