declare module 'dynalite' {
  import type { Server } from 'node:http';

  /** Creates a DynamoDB-compatible HTTP server (https://github.com/architect/dynalite). */
  export default function dynalite(options?: {
    path?: string;
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
  }): Server;
}
