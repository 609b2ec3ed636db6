import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beaconSchema, type Beacon } from '../analytics/beacon-schema.ts';
import { runBeaconLoad } from './beacon-load.ts';

// A stand-in endpoint that keeps what the load sent: the beacons must be ones the site accepts,
// and every run's viewers new, or a bench's later phases send heartbeats of known views.
let server: Server;
let url = '';
const received: { beacon: Beacon; address: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push({ beacon: beaconSchema.parse(JSON.parse(body)), address: String(request.headers['x-forwarded-for']) });
      response.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => server.close());

const runOnce = async () => {
  const from = received.length;
  const phases: { phase: string; beacons: number }[] = [];
  const result = await runBeaconLoad(url, 'test', { connections: 4, seconds: 0.3, onPhase: (phase) => phases.push({ phase, beacons: received.length - from }) });
  return { result, phases, beacons: received.slice(from) };
};

describe('beacon load', () => {
  it('sends valid beacons, each viewer a start then heartbeats from its own address, and new viewers in every run', async () => {
    const first = await runOnce();
    const second = await runOnce();
    for (const { result, phases, beacons } of [first, second]) {
      expect(phases.map(({ phase }) => phase)).toEqual(['started', 'stopped']);
      expect(phases[0]!.beacons).toBe(0); // told before the first beacon, and after the last was sent
      expect(phases[1]!.beacons).toBeGreaterThan(0);
      const starts = beacons.filter(({ beacon }) => beacon.kind === 'start');
      expect(result.starts).toBe(starts.length);
      expect(result.statuses[204]).toBe(beacons.length);
      expect(new Set(starts.map(({ beacon }) => beacon.view)).size).toBe(starts.length);
      expect(new Set(starts.map(({ address }) => address)).size).toBe(starts.length);
      const startOf = new Map(starts.map(({ beacon, address }) => [beacon.view, address]));
      for (const { beacon, address } of beacons) expect(startOf.get(beacon.view)).toBe(address); // heartbeats follow their start
      expect(result.cpuSeconds).toBeGreaterThan(0);
      expect(result.stoppedAt).toBeLessThanOrEqual(Date.now());
    }
    const firstViews = new Set(first.beacons.map(({ beacon }) => beacon.view));
    expect(second.beacons.filter(({ beacon }) => firstViews.has(beacon.view))).toEqual([]);
  });
});
