import { createServer, type Server, type Socket } from 'node:net';
import { ClientConnection, type TrafficCounters } from './client-connection.ts';
import { NO_FAULT, resolveFault, type Fault } from './faults.ts';

export const LISTEN_HOST = '127.0.0.1';

export type ServerStats = TrafficCounters & {
  port: number;
  listening: boolean;
  fault: Omit<Fault, 'since'> & { since: string | null };
  clients: number;
  streamingClients: number; // clients that have been sent at least one frame
  connectionsTotal: number;
  connectionsRejected: number; // turned away during `disconnect`
};

// A TCP listener on 127.0.0.1 that owns its client connections and applies the
// connection-level faults: disconnect (drop everyone, turn newcomers away) and refuse
// (stop listening, then listen again on the same port).
export class FaultAwareServer {
  readonly connections = new Set<ClientConnection>();
  private readonly server: Server;
  private readonly counters: TrafficCounters = { bytesSent: 0, bytesDropped: 0, dropEvents: 0, recent: { drops: [], keyframes: [], hitKeyframes: [] } };
  private fault: Fault = NO_FAULT;
  private faultTimer: NodeJS.Timeout | undefined;
  private changes: Promise<void> = Promise.resolve();
  private connectionsTotal = 0;
  private connectionsRejected = 0;
  private stopped = false;

  constructor(
    private port: number,
    private readonly onConnection: (connection: ClientConnection) => void,
  ) {
    this.server = createServer((socket) => this.acceptSocket(socket));
  }

  get currentFault(): Fault {
    return this.fault;
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.port, LISTEN_HOST, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const address = this.server.address();
    if (address && typeof address === 'object') this.port = address.port; // port 0 → the one picked
    return this.port;
  }

  // Changes are applied one after another: refuse → none must close before it listens again.
  // A failed change (port taken while refusing) must not block every later one.
  setFault(fault: Fault): Promise<void> {
    const change = this.changes.then(() => this.applyFault(fault));
    this.changes = change.catch(() => {});
    return change;
  }

  stats(): ServerStats {
    const { since, ...fault } = this.fault;
    return {
      port: this.port,
      listening: this.server.listening,
      fault: { ...fault, since: since ? new Date(since).toISOString() : null },
      clients: this.connections.size,
      streamingClients: [...this.connections].filter((connection) => connection.framesSent > 0).length,
      connectionsTotal: this.connectionsTotal,
      connectionsRejected: this.connectionsRejected,
      ...this.counters,
      recent: { drops: [...this.counters.recent.drops], keyframes: [...this.counters.recent.keyframes], hitKeyframes: [...this.counters.recent.hitKeyframes] },
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.faultTimer);
    await this.changes;
    this.closeConnections();
    await this.closeListener();
  }

  private async applyFault(fault: Fault): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.faultTimer);
    this.fault = fault;
    if (fault.mode === 'disconnect' || fault.mode === 'refuse') this.closeConnections();
    if (fault.mode === 'refuse') await this.closeListener();
    else if (!this.server.listening) await this.listen();
    if (fault.durationMs !== null) {
      this.faultTimer = setTimeout(() => void this.setFault(resolveFault('none')), fault.durationMs);
      this.faultTimer.unref();
    }
  }

  private acceptSocket(socket: Socket): void {
    socket.on('error', () => {}); // a client going away is normal here
    if (this.stopped || this.fault.mode === 'disconnect') {
      this.connectionsRejected++;
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    const connection = new ClientConnection(socket, () => this.fault, this.counters);
    this.connections.add(connection);
    this.connectionsTotal++;
    socket.on('close', () => this.connections.delete(connection));
    this.onConnection(connection);
  }

  private closeConnections(): void {
    for (const connection of this.connections) connection.close();
  }

  private closeListener(): Promise<void> {
    if (!this.server.listening) return Promise.resolve();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
