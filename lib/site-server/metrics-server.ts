import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// The site's /metrics on its own port, bound to 127.0.0.1 unless the owner says otherwise:
// never on the public port, so neither the edge nor a visitor can reach it.
export async function startMetricsServer(host: string, port: number, render: () => Promise<{ contentType: string; body: string }>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?', 1)[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    render().then(
      ({ contentType, body }) => res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }).end(body),
      () => res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Internal error\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, url: `http://${host}:${(server.address() as AddressInfo).port}/metrics` };
}
