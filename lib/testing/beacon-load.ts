import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';
import { readResponses } from './http-load.ts';

// cpuSeconds: the load generator's own CPU while it ran, so a bench can tell it from the site's;
// stoppedAt: when it stopped sending (epoch ms).
export type BeaconLoadResult = { perSecond: number; statuses: Record<number, number>; starts: number; errors: number; seconds: number; cpuSeconds: number; stoppedAt: number };

const UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

// Keep-alive POST /api/beacon load: each connection plays viewers one after another (a start,
// then 9 heartbeats), each viewer from its own public address via X-Forwarded-For (the site
// trusts loopback), so the rate limit and the geo lookup run as they would in production.
// onPhase: told when the load starts and stops sending, so a bench can sample other processes
// over exactly that time.
export async function runBeaconLoad(url: string, cameraId: string, { connections = 64, seconds = 10, onPhase = (_phase: 'started' | 'stopped') => {} } = {}): Promise<BeaconLoadResult> {
  const { hostname, port } = new URL(url);
  const statuses: Record<number, number> = {};
  let errors = 0;
  let starts = 0;
  let running = true;
  // Each run its own viewers: the site remembers page-view ids for 10 minutes, so ids (and
  // addresses) repeated from an earlier run in the same bench would be heartbeats, not views.
  const run = randomBytes(3).toString('hex');
  let viewer = randomBytes(3).readUIntBE(0, 3) >> 1;
  onPhase('started');
  const started = Date.now();
  const cpuAtStart = process.cpuUsage();
  const sockets = Array.from({ length: connections }, () => {
    const socket: Socket = connect(Number(port), hostname);
    let beaconNo = 0;
    let id = '';
    let ip = '';
    let pendingStart = false;
    const send = () => {
      if (beaconNo % 10 === 0) {
        viewer++;
        id = `load${run}${viewer.toString(36)}`.padEnd(24, '_'); // viewers are numbered across connections; '_' is no base-36 digit
        ip = `${81 + (viewer % 100)}.${(viewer >> 16) & 255}.${(viewer >> 8) & 255}.${(viewer & 255) || 1}`;
      }
      const kind = beaconNo % 10 === 0 ? 'start' : 'heartbeat';
      pendingStart = kind === 'start';
      beaconNo++;
      const body = `{"camera":"${cameraId}","view":"${id}","kind":"${kind}","seconds":${kind === 'start' ? 0 : 5},"mode":"page","referrer":""}`;
      socket.write(`POST /api/beacon HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUser-Agent: ${UA}\r\nX-Forwarded-For: ${ip}\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    socket.setNoDelay(true);
    socket.on('connect', send);
    socket.on('error', () => errors++);
    readResponses(socket, (status) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 204 && pendingStart) starts++;
      if (running) send();
    });
    return socket;
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  running = false;
  onPhase('stopped');
  const stoppedAt = Date.now();
  const elapsed = (stoppedAt - started) / 1000;
  const acceptedInTime = statuses[204] ?? 0; // answers still in flight count as beacons, not towards the rate
  await new Promise((resolve) => setTimeout(resolve, 500)); // let answers in flight arrive
  for (const socket of sockets) socket.destroy();
  const cpu = process.cpuUsage(cpuAtStart);
  return { perSecond: acceptedInTime / elapsed, statuses, starts, errors, seconds: elapsed, cpuSeconds: (cpu.user + cpu.system) / 1e6, stoppedAt };
}

// `tsx lib/testing/beacon-load.ts <site url> <camera> [connections] [seconds]` prints `started`
// and `stopped` lines as it does, then the result as JSON; the load runs in its own process
// beside the server.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [url, camera, connections, seconds] = process.argv.slice(2);
  const result = await runBeaconLoad(url!, camera!, { connections: Number(connections ?? 64), seconds: Number(seconds ?? 10), onPhase: (phase) => console.log(phase) });
  console.log(JSON.stringify(result));
}
