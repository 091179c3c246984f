import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import startSesServer from 'aws-ses-v2-local';
import { closeServer } from './servers';

/** One message as aws-ses-v2-local stores it. */
export interface StoredEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { text?: string; html?: string };
  at: number;
}

/** An SES emulator on loopback, with access to the mail it received. */
export interface LocalSes {
  endpoint: string;
  emails(): Promise<StoredEmail[]>;
  clear(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts aws-ses-v2-local on 127.0.0.1 and a free port. */
export async function startSesLocal(): Promise<LocalSes> {
  const server: Server = await startSesServer({ host: '127.0.0.1', port: 0 });
  if (!server.listening) {
    await new Promise((resolve) => server.once('listening', resolve));
  }
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    emails: async () => ((await (await fetch(`${endpoint}/store`)).json()) as { emails: StoredEmail[] }).emails,
    clear: async () => {
      await fetch(`${endpoint}/clear-store`, { method: 'POST' });
    },
    stop: () => closeServer(server),
  };
}
