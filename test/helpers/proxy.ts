import { createServer, type Server, Socket } from 'node:net';

/**
 * A TCP proxy for fault tests (Toxiproxy is not available here): forwards both ways until told
 * to blackhole (swallow bytes, keep the connection: a half-dead link) or to reset every connection.
 */
export class FaultProxy {
  private server: Server;
  private pairs = new Set<[Socket, Socket]>();
  /** Swallow bytes going server → client. */
  blackholeDown = false;
  /** Swallow bytes going client → server. */
  blackholeUp = false;
  port = 0;

  constructor(private readonly targetPort: number) {
    this.server = createServer((client) => {
      const upstream = new Socket();
      upstream.connect(this.targetPort, '127.0.0.1');
      const pair: [Socket, Socket] = [client, upstream];
      this.pairs.add(pair);
      client.on('data', (d) => !this.blackholeUp && upstream.write(d));
      upstream.on('data', (d) => !this.blackholeDown && client.write(d));
      const end = () => {
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
      };
      client.on('close', end).on('error', end);
      upstream.on('close', end).on('error', end);
    });
  }

  async listen(): Promise<number> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', () => r()));
    this.port = (this.server.address() as { port: number }).port;
    return this.port;
  }

  /** Drops every connection with a TCP RST, as a flaky network would. */
  resetAll(): void {
    for (const [a, b] of this.pairs) {
      a.resetAndDestroy();
      b.resetAndDestroy();
    }
    this.pairs.clear();
  }

  get connections(): number {
    return this.pairs.size;
  }

  async close(): Promise<void> {
    this.resetAll();
    await new Promise<void>((r) => this.server.close(() => r()));
  }
}
