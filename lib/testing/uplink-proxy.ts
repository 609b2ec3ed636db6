import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type Uplink = { port: number; bytesDown: () => number; requests: () => string[]; close: () => Promise<void> };

const REQUEST_LINE = /(?:^|\r\n)(?:GET|HEAD|POST) (\S+) HTTP\/1\.[01]\r\n/g;

// A TCP relay standing in for the home uplink between an edge and the origin: it delays
// everything the origin sends by `latencyMs`, caps it at `mbps`, and counts the bytes, which
// is what the owner's upload pays for, and the request paths that crossed it.
// `port`: listen there (a relay restored after a cut keeps its address); 0 picks a free one.
export async function startUplink(target: { host: string; port: number }, { latencyMs = 0, mbps = Infinity, port = 0 } = {}): Promise<Uplink> {
  let bytes = 0;
  const paths: string[] = [];
  const sockets = new Set<Socket>();
  let freeAt = 0; // when the link, shared by every connection, is next free (ms since epoch)
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    // Chunks leave in order, each when the capped link has sent it and the latency has passed.
    const queue: { chunk: Buffer | null; due: number }[] = []; // null: the origin ended
    let timer: NodeJS.Timeout | undefined;
    const drain = () => {
      timer = undefined;
      while (queue.length > 0 && queue[0]!.due <= Date.now()) {
        const { chunk } = queue.shift()!;
        if (chunk === null) client.end();
        else if (client.writable) client.write(chunk);
      }
      if (queue.length > 0) timer = setTimeout(drain, queue[0]!.due - Date.now());
    };
    const send = (chunk: Buffer | null) => {
      const sendMs = chunk && Number.isFinite(mbps) ? (chunk.length * 8) / (mbps * 1000) : 0;
      freeAt = Math.max(freeAt, Date.now()) + sendMs;
      queue.push({ chunk, due: freeAt + latencyMs });
      timer ??= setTimeout(drain, queue[0]!.due - Date.now());
    };
    client.on('data', (chunk: Buffer) => {
      for (const match of chunk.toString('latin1').matchAll(REQUEST_LINE)) paths.push(match[1]!);
    });
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      send(chunk);
    });
    upstream.on('end', () => send(null));
    client.on('close', () => clearTimeout(timer));
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      a.on('error', () => b.destroy());
      a.on('close', () => {
        sockets.delete(a);
        if (a === client) b.destroy();
      });
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    bytesDown: () => bytes,
    requests: () => [...paths],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
