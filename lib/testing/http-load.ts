import { connect, type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';

export type LoadResult = { perSecond: number; statuses: Record<number, number>; errors: number };

const HEADER_END = Buffer.from('\r\n\r\n');

// A lean keep-alive HTTP/1.1 load generator for binary bodies: it counts body bytes and
// never decodes them. autocannon appends every body chunk to a string, which makes it the
// bottleneck for a JPEG (~10× fewer requests/s than for the same size of ASCII here).
export async function runHttpLoad(url: string, { connections = 50, seconds = 10, headers = {} as Record<string, string> } = {}): Promise<LoadResult> {
  const { hostname, port, pathname, search } = new URL(url);
  const request = Buffer.from(`GET ${pathname}${search} HTTP/1.1\r\nHost: ${hostname}:${port}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
  const statuses: Record<number, number> = {};
  let errors = 0;
  let running = true;
  const started = Date.now();
  const sockets = Array.from({ length: connections }, () => {
    const socket: Socket = connect(Number(port), hostname);
    socket.setNoDelay(true);
    socket.on('connect', () => socket.write(request));
    socket.on('error', () => errors++);
    readResponses(socket, (status) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (running) socket.write(request);
    });
    return socket;
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  running = false;
  const done = Object.values(statuses).reduce((sum, n) => sum + n, 0);
  const elapsed = (Date.now() - started) / 1000;
  for (const socket of sockets) socket.destroy();
  return { perSecond: done / elapsed, statuses, errors };
}

// Calls back with each response's status on a keep-alive socket; bodies are counted, never decoded.
export function readResponses(socket: Socket, onResponse: (status: number) => void): void {
  let head: Buffer = Buffer.alloc(0);
  let bodyLeft = -1; // -1: reading the header block
  let status = 0;
  socket.on('data', (chunk: Buffer) => {
    while (chunk.length > 0) {
      if (bodyLeft < 0) {
        head = head.length ? Buffer.concat([head, chunk]) : chunk;
        const end = head.indexOf(HEADER_END);
        if (end < 0) return;
        const text = head.subarray(0, end).toString('latin1');
        status = Number(text.slice(9, 12));
        bodyLeft = Number(/\r\ncontent-length: *(\d+)/i.exec(text)?.[1] ?? 0);
        chunk = head.subarray(end + 4);
        head = Buffer.alloc(0);
      }
      const used = Math.min(bodyLeft, chunk.length);
      bodyLeft -= used;
      chunk = chunk.subarray(used);
      if (bodyLeft > 0) return;
      bodyLeft = -1;
      onResponse(status);
    }
  });
}

// `tsx lib/testing/http-load.ts <url> [connections] [seconds] [header: value]…` prints the result as JSON,
// so that the load runs in its own process, beside the server rather than inside it.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [url, connections, seconds, ...headerLines] = process.argv.slice(2);
  const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]));
  console.log(JSON.stringify(await runHttpLoad(url!, { connections: Number(connections ?? 50), seconds: Number(seconds ?? 10), headers })));
}
