import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { body: string; headers: IncomingHttpHeaders; status: number; at: number };
export type Receiver = { url: string; received: Received[]; answered: () => Received[]; close: () => Promise<void> };

// A real HTTP webhook receiver on 127.0.0.1. `statuses` are answered in order, then 200.
export async function startWebhookReceiver(statuses: number[] = []): Promise<Receiver> {
  const received: Received[] = [];
  const queue = [...statuses];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      const status = queue.shift() ?? 200;
      received.push({ body, headers: req.headers, status, at: Date.now() });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/lookout?token=receiver-token`,
    received,
    answered: () => received.filter((r) => r.status < 300),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
