import type { AddressInfo } from 'node:net';
import { createServer, type Socket } from 'node:net';

/** A loopback endpoint that accepts TCP connections and never writes a byte: a dependency that hangs. */
export interface SilentEndpoint {
  endpoint: string;
  /** How many connections it has accepted so far. */
  connections(): number;
  /** Drops every open connection and stops listening. */
  stop(): Promise<void>;
}

/** Starts a {@link SilentEndpoint} on 127.0.0.1 and a free port. */
export async function startSilentEndpoint(): Promise<SilentEndpoint> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('error', () => undefined).on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => accepted,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The URL of a loopback port nothing listens on (it was free a moment ago): a dependency that is down. */
export async function unreachableEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}
