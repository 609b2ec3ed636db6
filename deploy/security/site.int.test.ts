import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../lib/testing/raw-http.ts';
import { startStack, type Stack } from './stack.ts';

// Adversarial requests for pages, APIs and the build's files against the real edge, site and
// origin (issue 10: L1, L2, L4, public health). Run through the edge and straight at the site.
let stack: Stack;
let chunk: string; // one of the build's real JavaScript files
const fronts = () => ({ site: stack.site.url, edge: stack.edge.url });
const STACK_LINE = /\n\s+at .+[(:]\d+/;

beforeAll(async () => {
  stack = await startStack();
  const page = await (await fetch(`${stack.site.url}/`)).text();
  chunk = /\/_next\/static\/[^"]+?\.js/.exec(page)![0];
}, 180_000);
afterAll(async () => {
  await stack?.stop();
});

describe('absolute links never carry a host or scheme a visitor made up (L1)', () => {
  it.each([
    [{ Host: 'evil.example' }, 'evil.example'],
    [{ Host: 'evil.example:8080' }, 'evil.example'],
    [{ 'X-Forwarded-Host': 'evil.example' }, 'evil.example'],
    [{ 'X-Forwarded-Proto': 'javascript' }, 'javascript:'],
    [{ 'X-Forwarded-Proto': 'javascript', 'X-Forwarded-Host': 'x' }, 'javascript:'],
  ])('%j', async (headers, forbidden) => {
    for (const [tier, base] of Object.entries(fronts())) {
      for (const path of ['/', '/cameras/cam']) {
        const page = await rawRequest(base, 'GET', path, { headers });
        expect(page.status, `${tier} ${path}`).toBe(200);
        expect(page.body, `${tier} ${path}`).toContain('og:image');
        expect(page.body.includes(forbidden), `${tier} ${path}`).toBe(false);
      }
    }
  });

  // Without PUBLIC_URL or ALLOWED_HOSTS (the out-of-the-box config), any well-formed host is
  // believed for links. That is safe only while no shared cache keeps a page for the next visitor.
  it('pages are stored by no shared cache, so a host a request named stays with that request', async () => {
    for (const [tier, base] of Object.entries(fronts())) {
      for (const path of ['/', '/cameras/cam', '/embed/cam']) {
        for (let i = 0; i < 2; i++) {
          const page = await rawRequest(base, 'GET', path, { headers: { Host: 'evil.example' } });
          expect(page.headers['cache-control'], `${tier} ${path}`).toMatch(/no-store/);
          expect(page.headers['x-cache-status'], `${tier} ${path}`).toBeUndefined();
        }
      }
    }
  });

  it('keeps the page whole when X-Forwarded-Host is not a host at all', async () => {
    for (const host of ['a b', 'a/b?', '[', 'x:99999', '%']) {
      const page = await rawRequest(stack.site.url, 'GET', '/cameras/cam', { headers: { 'X-Forwarded-Host': host } });
      expect(page.status, host).toBe(200);
      expect(page.body, host).toMatch(/<link rel="canonical" href="http:\/\/127\.0\.0\.1/);
    }
    expect(stack.site.output()).not.toContain('Invalid URL');
  });
});

describe('malformed requests get a 4xx, never a 500 (L2)', () => {
  it.each([
    ['GET', '/embed/%ff', 400],
    ['GET', '/cameras/%', 400],
    ['GET', '/cameras/%c0%ae', 400],
    ['OPTIONS', '*', 400],
    ['TRACE', '/', 405],
    ['TRACE', '/api/health', 405],
    ['GET', '/_next/static/chunks/%2e%2e/%2e%2e/api/health', 400],
    ['GET', '/_next/static/chunks/..%2f..%2fapi/health', 400],
  ])('%s %s', async (method, target, status) => {
    expect((await rawRequest(stack.site.url, method, target)).status, 'site').toBe(status);
    const viaEdge = await rawRequest(stack.edge.url, method, target);
    expect(viaEdge.status, 'edge').toBeGreaterThanOrEqual(400);
    expect(viaEdge.status, 'edge').toBeLessThan(500);
  });

  it('refuses an absolute-form target at the site (nginx rewrites it to a path, and the host then fails ALLOWED_HOSTS)', async () => {
    expect((await rawRequest(stack.site.url, 'GET', 'http://evil.example/')).status).toBe(400);
    expect((await rawRequest(stack.edge.url, 'GET', 'http://evil.example/cameras/cam')).body).not.toContain('evil.example');
  });
});

describe('each method on each route class (L4)', () => {
  const routes = () => ({ page: ['/', '/cameras/cam', '/embed/cam'], static: [chunk], media: ['/hls/cam/index.m3u8', '/preview.jpg'] });
  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'OPTIONS'])('%s: 405 with Allow on pages, files and media', async (method) => {
    for (const [tier, base] of Object.entries(fronts())) {
      for (const [kind, paths] of Object.entries(routes())) {
        for (const path of paths) {
          const reply = await rawRequest(base, method, path, { headers: { 'Content-Length': '0' } });
          expect(reply.status, `${tier} ${kind} ${method} ${path}`).toBe(405);
          if (tier === 'site') expect(reply.headers['allow'], `${tier} ${method} ${path}`).toBe('GET, HEAD');
        }
      }
    }
  });

  it('GET and HEAD still work on every route class, and the API routes decide their own methods', async () => {
    for (const base of Object.values(fronts())) {
      for (const path of ['/', '/cameras/cam', '/embed/cam', chunk, '/hls/cam/index.m3u8', '/preview.jpg']) {
        expect((await rawRequest(base, 'GET', path)).status, `${base} GET ${path}`).toBe(200);
        expect((await rawRequest(base, 'HEAD', path)).status, `${base} HEAD ${path}`).toBe(200);
      }
      expect((await rawRequest(base, 'POST', '/api/health', { headers: { 'Content-Length': '2' }, body: '{}' })).status).toBe(405); // Next: no POST handler
    }
  });
});

describe('oversized bodies and headers (L4)', () => {
  it('refuses a 20 MB body on a page without waiting for it', async () => {
    const huge = { headers: { 'Content-Length': String(20 * 1024 * 1024) } }; // announced, never sent
    for (const base of Object.values(fronts())) {
      expect([405, 413]).toContain((await rawRequest(base, 'POST', '/', huge)).status);
      expect((await rawRequest(base, 'GET', '/', huge)).status).toBe(413);
    }
  });

  it('refuses any body on a page, and an API body above 64 KB or of unknown length', async () => {
    expect((await rawRequest(stack.site.url, 'GET', '/', { headers: { 'Content-Length': '5' }, body: 'hello' })).status).toBe(413);
    expect((await rawRequest(stack.site.url, 'GET', '/', { headers: { 'Transfer-Encoding': 'chunked' }, body: '5\r\nhello\r\n0\r\n\r\n' })).status).toBe(413);
    for (const base of Object.values(fronts())) expect((await rawRequest(base, 'POST', '/api/health', { headers: { 'Content-Length': String(65 * 1024) } })).status).toBe(413);
    expect((await rawRequest(stack.site.url, 'POST', '/api/health', { headers: { 'Transfer-Encoding': 'chunked' }, body: '2\r\n{}\r\n0\r\n\r\n' })).status).toBe(411);
  });

  it('refuses oversized headers with a 4xx', async () => {
    for (const base of Object.values(fronts())) {
      const reply = await rawRequest(base, 'GET', '/', { headers: { 'X-Big': 'x'.repeat(20_000) } });
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
    }
  });
});

describe('what the public sees of the cameras', () => {
  it('/api/health names no camera address or stream path', async () => {
    for (const base of Object.values(fronts())) {
      const reply = await rawRequest(base, 'GET', '/api/health');
      expect(reply.body).toContain('"state":"starting"');
      expect(reply.body).not.toMatch(/192\.168|rtsp|stream1/);
    }
  });

  it('the site logged no stack trace for any of the above', () => {
    expect(stack.site.output()).not.toMatch(STACK_LINE);
  });
});
