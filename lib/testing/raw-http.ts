import { connect } from 'node:net';

export type RawReply = { status: number; headers: Record<string, string>; body: string };

// One HTTP/1.1 request written byte for byte: targets that fetch() and node:http normalise or
// refuse (`*`, `..`, backslashes, absolute-form), any method, any header, a body that is
// announced but never sent. Resolves with the reply once it is complete or the server closes
// the connection; rejects after `timeoutMs` (a server that waits for a body it should have
// refused).
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
    const parse = (): RawReply | null => {
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end === -1) return null;
      const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0);
      const replyHeaders = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      return status ? { status, headers: replyHeaders, body: text.slice(end + 4) } : null;
    };
    // Complete: a server that refused a body may linger before closing (nginx does, for seconds).
    const complete = (reply: RawReply) =>
      method === 'HEAD' || reply.status === 204 || reply.status === 304 || (reply.headers['content-length'] !== undefined && Buffer.byteLength(reply.body, 'latin1') >= Number(reply.headers['content-length'])) || (reply.headers['transfer-encoding'] === 'chunked' && reply.body.endsWith('0\r\n\r\n'));
    const finish = (reply: RawReply | null) => {
      clearTimeout(timer);
      socket.destroy();
      if (reply) resolve(reply);
      else reject(new Error(`no HTTP reply to ${method} ${target}`));
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const reply = parse();
      if (reply && complete(reply)) finish(reply);
    });
    socket.on('error', () => {}); // a reset after a refusal still leaves the reply read so far
    socket.on('close', () => finish(parse()));
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    if (body) socket.write(body);
  });
}
