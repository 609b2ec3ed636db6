import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type Uplink = { port: number; bytesDown: () => number; close: () => Promise<void> };

// A TCP relay standing in for the home uplink between an edge and the origin: it delays
// everything the origin sends by `latencyMs`, caps it at `mbps`, and counts the bytes, which
// is what the owner's upload pays for.
export async function startUplink(target: { host: string; port: number }, { latencyMs = 0, mbps = Infinity } = {}): Promise<Uplink> {
  let bytes = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let freeAt = 0; // when the capped link is next free, ms since epoch
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      const sendMs = Number.isFinite(mbps) ? (chunk.length * 8) / (mbps * 1000) : 0;
      freeAt = Math.max(freeAt, Date.now()) + sendMs;
      const due = freeAt + latencyMs - Date.now();
      if (due <= 0) client.write(chunk);
      else setTimeout(() => client.writable && client.write(chunk), due); // timers of equal delay fire in order
    });
    upstream.on('end', () => setTimeout(() => client.end(), Math.max(0, freeAt + latencyMs - Date.now())));
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      a.on('error', () => b.destroy());
      a.on('close', () => {
        sockets.delete(a);
        if (a === client) b.destroy();
      });
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    bytesDown: () => bytes,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
