import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HttpError, toHttpError } from '../../lib/errors.ts';
import { sendError, sendJson } from '../../lib/http.ts';
import { LISTEN_HOST } from './fault-aware-server.ts';
import { faultRequestSchema, type FaultMode, type FaultOptions } from './faults.ts';

export const MAX_CONTROL_BODY_BYTES = 4 * 1024;

export type ControlApi = {
  getStatus: () => unknown;
  setFault: (mode: FaultMode, options: FaultOptions) => Promise<unknown>;
};
export type ControlServer = { port: number; stop: () => Promise<void> };

// The simulator's remote control, for tests and people: GET /status, POST /fault.
export async function startControlServer(port: number, api: ControlApi): Promise<ControlServer> {
  const server = createServer((request, response) => void routeRequest(request, response, api));
  const actualPort = await listenOn(server, port);
  return {
    port: actualPort,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // keep-alive sockets would hold close() open
      }),
  };
}

async function routeRequest(request: IncomingMessage, response: ServerResponse, api: ControlApi): Promise<void> {
  try {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname === '/status') {
      requireMethod(request, 'GET');
      return sendJson(response, 200, api.getStatus());
    }
    if (pathname === '/fault') {
      requireMethod(request, 'POST');
      const { mode, ...options } = parseFaultRequest(await readBody(request));
      return sendJson(response, 200, await api.setFault(mode, options));
    }
    throw new HttpError(404, 'not_found', `No route for ${pathname}`);
  } catch (caught) {
    const { error, expected } = toHttpError(caught);
    if (!expected) console.error('camera simulator control API:', caught);
    sendError(response, error.status, error.code, error.message, error.headers);
  }
}

function requireMethod(request: IncomingMessage, method: string): void {
  if (request.method !== method) throw new HttpError(405, 'method_not_allowed', `Use ${method} here`, { Allow: method });
}

function parseFaultRequest(body: string) {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON');
  }
  const parsed = faultRequestSchema.safeParse(json);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    throw new HttpError(400, 'invalid_fault', message);
  }
  return parsed.data;
}

// Rejects as soon as the limit is passed but keeps draining, so the 400 can still be read.
function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const tooLarge = new HttpError(400, 'body_too_large', `The body is larger than ${MAX_CONTROL_BODY_BYTES} bytes`);
    if (Number(request.headers['content-length']) > MAX_CONTROL_BODY_BYTES) reject(tooLarge);
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_CONTROL_BODY_BYTES) reject(tooLarge);
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function listenOn(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LISTEN_HOST, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(address && typeof address === 'object' ? address.port : port);
    });
  });
}
