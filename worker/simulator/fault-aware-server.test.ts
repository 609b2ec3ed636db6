import { connect, createServer, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../lib/testing/wait-for.ts';
import type { ClientConnection } from './client-connection.ts';
import { FaultAwareServer } from './fault-aware-server.ts';
import { resolveFault } from './faults.ts';

// Real sockets on 127.0.0.1; no ffmpeg needed for the connection-level faults.
const servers: FaultAwareServer[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((socket) => socket.destroy());
  await Promise.all(servers.splice(0).map((server) => server.stop()));
});

async function startServer(onConnection: (connection: ClientConnection) => void = () => {}) {
  const server = new FaultAwareServer(0, onConnection);
  servers.push(server);
  return { server, port: await server.listen() };
}

type Client = { socket: Socket; received: () => Buffer; closed: Promise<void> };
function openClient(port: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    sockets.push(socket);
    const chunks: Buffer[] = [];
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('connect', () => resolve({ socket, received: () => Buffer.concat(chunks), closed }));
  });
}

describe('FaultAwareServer', () => {
  it('listens on a free port and reports it', async () => {
    const { server, port } = await startServer();
    expect(port).toBeGreaterThan(0);
    expect(server.stats()).toMatchObject({ port, listening: true, clients: 0, fault: { mode: 'none', since: null } });
  });

  it('refuse closes clients and the listener; none listens again on the same port', async () => {
    const { server, port } = await startServer();
    const client = await openClient(port);
    await server.setFault(resolveFault('refuse'));
    await client.closed;
    await expect(openClient(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(server.stats()).toMatchObject({ port, listening: false });
    await server.setFault(resolveFault('none'));
    await openClient(port);
    await waitFor(() => server.stats().clients === 1, { what: 'the client after refuse → none' });
  });

  it('keeps taking fault changes after one failed (port taken while refusing)', async () => {
    const { server, port } = await startServer();
    await server.setFault(resolveFault('refuse'));
    const squatter = createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => squatter.once('listening', resolve));
    await expect(server.setFault(resolveFault('none'))).rejects.toMatchObject({ code: 'EADDRINUSE' });
    await new Promise((resolve) => squatter.close(resolve));
    await server.setFault(resolveFault('none'));
    expect(server.stats().listening).toBe(true);
  });

  it('disconnect closes every client, turns newcomers away, and ends after durationMs', async () => {
    const { server, port } = await startServer();
    const clients = await Promise.all([openClient(port), openClient(port)]);
    await waitFor(() => server.stats().clients === 2, { what: 'two clients' });
    await server.setFault(resolveFault('disconnect', { durationMs: 300 }));
    await Promise.all(clients.map((client) => client.closed));
    const newcomer = await openClient(port);
    await newcomer.closed;
    await waitFor(() => server.currentFault.mode === 'none', { what: 'the fault to expire' });
    await openClient(port);
    await waitFor(() => server.stats().clients === 1, { what: 'a client after the disconnect' });
    expect(server.stats()).toMatchObject({ connectionsTotal: 3, connectionsRejected: 1 });
  });

  it('stall sends nothing and media restarts at a keyframe afterwards', async () => {
    const connections: ClientConnection[] = [];
    const { server, port } = await startServer((connection) => connections.push(connection));
    const client = await openClient(port);
    const connection = await waitFor(() => connections[0], { what: 'the connection' });
    expect([connection.acceptsFrame(false), connection.acceptsFrame(true), connection.acceptsFrame(false)]).toEqual([false, true, true]);
    connection.write('before ');
    await server.setFault(resolveFault('stall'));
    connection.write('during ');
    expect(connection.acceptsFrame(true)).toBe(false);
    await server.setFault(resolveFault('none'));
    expect([connection.acceptsFrame(false), connection.acceptsFrame(true)]).toEqual([false, true]);
    connection.write('after');
    await waitFor(() => client.received().toString() === 'before after', { what: 'the bytes around the stall' });
    expect(server.stats().bytesSent).toBe('before after'.length);
  });

  it('slow-start holds a new client back for delayMs', async () => {
    const connections: ClientConnection[] = [];
    const { server, port } = await startServer((connection) => connections.push(connection));
    await server.setFault(resolveFault('slow-start', { delayMs: 60_000 }));
    await openClient(port);
    const connection = await waitFor(() => connections[0], { what: 'the connection' });
    expect(connection.holdRemainingMs()).toBeGreaterThan(59_000);
    expect(connection.acceptsFrame(true)).toBe(false);
  });

  it('lost-bytes cuts bytes out of the stream and counts them', async () => {
    const connections: ClientConnection[] = [];
    const { server, port } = await startServer((connection) => connections.push(connection));
    const client = await openClient(port);
    const connection = await waitFor(() => connections[0], { what: 'the connection' });
    await server.setFault(resolveFault('lost-bytes', { meanIntervalMs: 1 }));
    const sent = Buffer.alloc(200_000, 7);
    // Spread over ≥ 20 ms: drops come on the clock (mean 1 ms), and a tight loop can finish first.
    for (let offset = 0; offset < sent.length; offset += 1000) {
      connection.write(sent.subarray(offset, offset + 1000));
      if (offset % 10_000 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    const { bytesDropped, dropEvents, bytesSent, recent } = server.stats();
    expect(dropEvents).toBeGreaterThan(0);
    expect(bytesSent + bytesDropped).toBe(sent.length);
    // Each drop's moment is kept (drops in the same millisecond share an entry).
    expect(recent.drops.length).toBeGreaterThan(0);
    expect(recent.drops.length).toBeLessThanOrEqual(dropEvents);
    expect(recent.drops).toEqual([...recent.drops].sort((a, b) => a - b));
    await waitFor(() => client.received().length === bytesSent, { what: 'the kept bytes' });
  });

  it('names the keyframes a drop cut bytes from, and only those', async () => {
    const connections: ClientConnection[] = [];
    const { server, port } = await startServer((connection) => connections.push(connection));
    await openClient(port);
    const connection = await waitFor(() => connections[0], { what: 'the connection' });
    const sendFrame = async (keyframe: boolean) => {
      expect(connection.acceptsFrame(keyframe)).toBe(true);
      for (let i = 0; i < 20; i++) {
        connection.write(Buffer.alloc(1000, keyframe ? 1 : 2));
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    };
    await sendFrame(true); // no fault yet: a whole keyframe
    await server.setFault(resolveFault('lost-bytes', { meanIntervalMs: 1 }));
    await sendFrame(false);
    expect(server.stats().dropEvents).toBeGreaterThan(0);
    expect(server.stats().recent.hitKeyframes).toEqual([]);
    await sendFrame(true);
    const { keyframes, hitKeyframes } = server.stats().recent;
    expect(hitKeyframes).toEqual([keyframes.at(-1)]);
    await sendFrame(false);
    expect(server.stats().recent.hitKeyframes).toEqual(hitKeyframes);
  });

  it('keeps the moments keyframes went out, once per moment however many clients took them', async () => {
    const connections: ClientConnection[] = [];
    const { server, port } = await startServer((connection) => connections.push(connection));
    await Promise.all([openClient(port), openClient(port)]);
    await waitFor(() => connections.length === 2 || undefined, { what: 'both connections' });
    const before = Date.now();
    for (const connection of connections) expect(connection.acceptsFrame(true)).toBe(true);
    for (const connection of connections) expect(connection.acceptsFrame(false)).toBe(true);
    const { keyframes } = server.stats().recent;
    expect(keyframes.length).toBeGreaterThanOrEqual(1);
    expect(keyframes.length).toBeLessThanOrEqual(2); // the two clients, unless the clock ticked between them
    expect(keyframes[0]).toBeGreaterThanOrEqual(before);
    expect(server.stats().recent.drops).toEqual([]);
    expect(server.stats().recent.hitKeyframes).toEqual([]);
  });
});
