import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { createDeclaredTable, type TableId } from './dynalite';
import { closeServer } from './servers';

/** A DynamoDB emulator that can be stopped and started again on the same port, keeping its tables and items. */
export interface RestartableDynamoDb {
  endpoint: string;
  /** A client for arranging and reading data; it makes one attempt per call. */
  admin: DynamoDBClient;
  /** Creates a table with the keys resources/tables.yml declares for `id`, under `name`. */
  createTable(id: TableId, name: string): Promise<void>;
  /** Stops serving: open connections are dropped and new ones refused, as when the service goes away. */
  stop(): Promise<void>;
  /** Serves again on the same port, with the data it held; does nothing while it serves. */
  start(): Promise<void>;
  /** Stops for good and releases the admin client. */
  close(): Promise<void>;
}

/**
 * Starts dynalite on 127.0.0.1 and a free port, storing its data in a temporary LevelDB folder (its in-memory store
 * does not outlive a stop).
 */
export async function startRestartableDynalite(): Promise<RestartableDynamoDb> {
  const path = mkdtempSync(join(tmpdir(), 'cognito-flows-dynalite-'));
  const listen = (port: number) => {
    const started = dynalite({ path, createTableMs: 0, deleteTableMs: 0 });
    return new Promise<Server>((resolve, reject) =>
      started.once('error', reject).listen(port, '127.0.0.1', () => resolve(started)),
    );
  };
  let server = await listen(0);
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const admin = new DynamoDBClient({ endpoint, maxAttempts: 1 });
  const stop = () => (server.listening ? closeServer(server) : Promise.resolve());
  return {
    endpoint,
    admin,
    createTable: (id, name) => createDeclaredTable(admin, id, name),
    stop,
    start: async () => {
      if (!server.listening) server = await listen(port);
    },
    close: async () => {
      admin.destroy();
      await stop();
      rmSync(path, { recursive: true, force: true, maxRetries: 5 });
    },
  };
}
