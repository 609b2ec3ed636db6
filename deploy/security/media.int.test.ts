import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../lib/testing/raw-http.ts';
import { waitFor } from '../../lib/testing/wait-for.ts';
import { HELD_RELOAD_LIMIT, lastSequenceIn, startStack, type Stack } from './stack.ts';

// Adversarial requests for media (playlists, segments, preview.jpg) against the real edge,
// site and origin (issue 10: H1, M1, M2, M3, L3, nosniff). Every tier must give the same
// safe answer: the edge because its cache would spread a wrong one, the site and the origin
// because a CDN or another edge may sit in front of them.
let stack: Stack;
let last = 0;
let nextMsn = 1; // each row its own cache key, so no row is answered from an earlier row's entry
const CANONICAL_ORIGIN_URL = /^\/(hls\/cam\/[A-Za-z0-9_-]+\.(m3u8|ts)(\?_HLS_msn=(0|[1-9]\d*))?|(cameras\/cam\/)?preview\.jpg(\?w=[1-9]\d*)?(&?src=[a-z0-9-]+)?|status\.json)$/;
const tiers = () => ({ origin: stack.rig.url, site: stack.site.url, edge: stack.edge.url });

// The media requests that reached the origin meanwhile. The site's own background pulls of the
// private paths (/events, /status.json) come on their own clock and are not the request's doing.
async function originUrlsDuring(action: () => Promise<void>): Promise<string[]> {
  const before = (await stack.rig.stats()).urls.length;
  await action();
  return (await stack.rig.stats()).urls.slice(before).filter((url) => !/^\/(events|status\.json|metrics)(\?|$)/.test(url));
}

beforeAll(async () => {
  stack = await startStack();
  for (let i = 0; i < 16; i++) last = await stack.rig.publish();
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('the playlist query (H1, M3): one spelling of _HLS_msn, everywhere', () => {
  it.each([
    '%5FHLS_msn=x&_HLS_msn={n}',
    '_hls_msn={n}&_HLS_msn=x',
    '_HLS_msn={n}&_hls_msn=x',
    '_HLS_msn={n}&_HLS_msn={n}',
    '_HLS_MSN={n}',
    '%5FHLS_msn={n}',
    '_HLS_ms%6E={n}',
    '_HLS_msn=0{n}',
    '_HLS_msn=00{n}',
    '_HLS_msn=',
    '_HLS_msn',
    '_HLS_msn={n}%00',
    '_HLS_msn=+{n}',
    '_HLS_msn={n};x=1',
  ])('?%s: 400 never stored at origin, site and edge; the viewers\' ?_HLS_msn={n} still plays', async (spelling) => {
    const n = nextMsn++;
    expect(n).toBeLessThanOrEqual(last);
    const query = spelling.replaceAll('{n}', String(n));
    const reached = await originUrlsDuring(async () => {
      for (const [tier, base] of Object.entries(tiers())) {
        const reply = await rawRequest(base, 'GET', `/hls/cam/index.m3u8?${query}`);
        expect(reply.status, `${tier} ?${query}`).toBe(400);
        if (tier !== 'edge') expect(reply.headers['cache-control'], `${tier} ?${query}`).toBe('no-store'); // the edge answers itself
      }
      const viewer = await rawRequest(stack.edge.url, 'GET', `/hls/cam/index.m3u8?_HLS_msn=${n}`);
      expect(viewer.status).toBe(200);
      expect(viewer.body).toContain('#EXTM3U');
      expect((await rawRequest(stack.edge.url, 'GET', '/hls/cam/index.m3u8')).status).toBe(200);
    });
    // What the edge and the site forwarded (the origin's own test requests aside): canonical only.
    expect(reached.filter((url) => url.includes(`?${query}`) === false).every((url) => CANONICAL_ORIGIN_URL.test(url)), reached.join(' ')).toBe(true);
  });

  it('keeps other parameters out of the key and away from the origin', async () => {
    const n = nextMsn++;
    const reached = await originUrlsDuring(async () => {
      expect((await rawRequest(stack.edge.url, 'GET', `/hls/cam/index.m3u8?_HLS_msn=${n}&_HLS_part=0&x=1`)).status).toBe(200);
      expect((await rawRequest(stack.site.url, 'GET', `/hls/cam/index.m3u8?x=1&_HLS_msn=${n}`)).status).toBe(200);
    });
    expect(reached).toEqual([`/hls/cam/index.m3u8?_HLS_msn=${n}`, `/hls/cam/index.m3u8?_HLS_msn=${n}`]);
  });
});

describe('the preview query (M1): w keyed, src forwarded, nothing else', () => {
  it.each(['%77=320', 'W=320', 'w=320&w=640', 'w=640&W=320', '%77=x&w=640', 'w=0640', 'w=', 'w', 'w=640%00', 'w=640;w=320', 'src=Windy', 'src=a&src=b', 'SRC=a', 's%72c=a'])(
    '?%s: 400 never stored at origin, site and edge; plain and ?w=640 keep their own images',
    async (query) => {
      for (const [tier, base] of Object.entries(tiers())) {
        const reply = await rawRequest(base, 'GET', `/preview.jpg?${query}`);
        expect(reply.status, `${tier} ?${query}`).toBe(400);
        if (tier !== 'edge') expect(reply.headers['cache-control'], `${tier} ?${query}`).toBe('no-store');
      }
      expect((await rawRequest(stack.edge.url, 'GET', '/preview.jpg')).body).toBe('jpeg 1280px');
      expect((await rawRequest(stack.edge.url, 'GET', '/preview.jpg?w=640')).body).toBe('jpeg 640px');
    },
  );

  it('forwards src=<portal> to the origin but keeps one cached image for every portal', async () => {
    const reached = await originUrlsDuring(async () => {
      for (const base of [stack.site.url, stack.edge.url]) expect((await rawRequest(base, 'GET', '/cameras/cam/preview.jpg?src=windy&w=320&t=17')).body).toBe('jpeg 320px');
      const other = await rawRequest(stack.edge.url, 'GET', '/cameras/cam/preview.jpg?w=320&src=other-portal');
      expect(other.body).toBe('jpeg 320px');
      expect(other.headers['x-cache-status']).toBe('HIT');
    });
    expect(reached).toEqual(['/cameras/cam/preview.jpg?w=320&src=windy', '/cameras/cam/preview.jpg?w=320&src=windy']);
  });
});

describe('path spellings (M3): one path per file, 400 for the rest at every tier', () => {
  it.each([
    '/r1/../preview.jpg',
    '/./preview.jpg',
    '//preview.jpg',
    '/cameras/cam/../../preview.jpg',
    '/cameras/../preview.jpg',
    '/cameras/%2e%2e/preview.jpg',
    '/cameras/cam/%70review.jpg',
    '/cameras/cam%2fpreview.jpg',
    '/hls/cam/../cam/index.m3u8',
    '/hls/cam/./index.m3u8',
    '/hls//cam/index.m3u8',
    '/hls/cam/%2e/index.m3u8',
    '/hls/cam%2findex.m3u8',
    '/hls/cam/%69ndex.m3u8',
    '/hls/cam\\index.m3u8',
    '/hls/cam/index.m3u8%00',
    '/hls/%c0%ae%c0%ae/cam/index.m3u8',
    '/cameras/%c0%ae%c0%ae/preview.jpg',
  ])('%s', async (path) => {
    const reached = await originUrlsDuring(async () => {
      for (const [tier, base] of Object.entries(tiers())) expect((await rawRequest(base, 'GET', path)).status, `${tier} ${path}`).toBe(400);
    });
    expect(reached).toEqual([path]); // only the request sent straight to the origin: the edge and the site stopped theirs
  });
});

describe('headers on media', () => {
  it('says nosniff on playlists, segments, previews and errors, at every tier', async () => {
    const segment = (await rawRequest(stack.rig.url, 'GET', '/hls/cam/index.m3u8')).body.split('\n').find((line) => line.endsWith('.ts'))!;
    for (const [tier, base] of Object.entries(tiers())) {
      for (const path of ['/hls/cam/index.m3u8', `/hls/cam/${segment}`, '/preview.jpg', '/hls/cam/missing.ts', '/preview.jpg?w=77']) {
        expect((await rawRequest(base, 'HEAD', path)).headers['x-content-type-options'], `${tier} ${path}`).toBe('nosniff');
      }
    }
  });
});

function abortAfterFirstChunk(url: string): Promise<void> {
  return new Promise((resolve) => {
    const req = request(url, (res) => res.once('data', () => req.destroy()));
    req.on('error', () => {}).on('close', () => resolve()).end();
  });
}

describe('aborted downloads (M2)', () => {
  it('close the segment file in the origin and the upstream socket in the site', async () => {
    const segment = (await rawRequest(stack.rig.url, 'GET', '/hls/cam/index.m3u8')).body.split('\n').find((line) => line.endsWith('.ts'))!;
    const siteBefore = stack.site.openDescriptors();
    for (const base of [stack.rig.url, stack.site.url]) {
      await Promise.all(Array.from({ length: 40 }, () => abortAfterFirstChunk(`${base}/hls/cam/${segment}`)));
      await waitFor(() => stack.rig.openSegmentFiles() === 0, { timeoutMs: 3000, what: `the origin to close every segment file after aborts via ${base}` });
    }
    await waitFor(() => stack.site.openDescriptors() <= siteBefore + 4, { timeoutMs: 5000, what: 'the site to let go of its origin connections' });
  });
});

describe('held blocking reloads (L3)', () => {
  const hold = (base: string, msn: number, done: string[]) =>
    fetch(`${base}/hls/cam/index.m3u8?_HLS_msn=${msn}`).then(async (r) => {
      const body = await r.text();
      done.push(body);
      return { status: r.status, body };
    });

  it.each(['site', 'origin'] as const)(`the %s holds at most ${HELD_RELOAD_LIMIT} and answers the rest at once with the current playlist`, async (tier) => {
    const base = tier === 'site' ? stack.site.url : stack.rig.url;
    const done: string[] = [];
    let pending: Promise<{ status: number; body: string }[]> = Promise.resolve([]);
    const reached = await originUrlsDuring(async () => {
      pending = Promise.all(Array.from({ length: HELD_RELOAD_LIMIT + 10 }, () => hold(base, last + 1, done)));
      await waitFor(() => done.length >= 10, { timeoutMs: 4000, what: 'the requests past the cap to be answered' }); // a held one waits 8 s
      expect(done.length).toBe(10);
      expect(done.every((body) => lastSequenceIn(body) === last)).toBe(true);
      last = await stack.rig.publish();
      const replies = await pending;
      expect(replies.every((r) => r.status === 200)).toBe(true);
      expect(replies.filter((r) => lastSequenceIn(r.body) === last)).toHaveLength(HELD_RELOAD_LIMIT);
    });
    if (tier === 'site') expect(reached.filter((url) => url.endsWith(`?_HLS_msn=${last}`))).toHaveLength(1); // one origin request for all who wait
  });
});
