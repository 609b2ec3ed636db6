import { connect } from 'node:net';

export type RawReply = { status: number; headers: Record<string, string>; body: string };

// One HTTP/1.1 request written byte for byte: targets that fetch() and node:http normalise or
// refuse (`*`, `..`, backslashes, absolute-form), any method, any header, a body that is
// announced but never sent. Resolves with the reply once the server closes the connection,
// or rejects after `timeoutMs` (a server that waits for a body it should have refused).
export function rawRequest(base: string, method: string, target: string, { headers = {} as Record<string, string>, body = '', timeoutMs = 5000 } = {}): Promise<RawReply> {
  const { hostname, port } = new URL(base);
  const head = [`${method} ${target} HTTP/1.1`, `Host: ${headers.Host ?? `${hostname}:${port}`}`, 'Connection: close', ...Object.entries(headers).filter(([name]) => name !== 'Host').map(([name, value]) => `${name}: ${value}`)];
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no reply to ${method} ${target} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => {}); // a reset after a refusal still leaves the reply read so far
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('latin1');
      const [headText = '', ...rest] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = headText.split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      if (!status) return reject(new Error(`no HTTP reply to ${method} ${target}`));
      const replyHeaders = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status, headers: replyHeaders, body: rest.join('\r\n\r\n') });
    });
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    if (body) socket.write(body);
  });
}
