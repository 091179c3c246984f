import type { Server } from 'node:http';

/** Closes an HTTP server, dropping open keep-alive connections so the close cannot hang. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
