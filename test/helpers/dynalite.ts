import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { CreateTableCommand, type CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { waitUntilTableActive } from '@scripts/local-pool/table-active';
import dynalite from 'dynalite';
import { load } from 'js-yaml';
import { closeServer } from './servers';

/** The logical ids of the tables declared in resources/tables.yml. */
export type TableId = 'UserProfilesTable' | 'LegacyUsersTable' | 'SignInChallengesTable';

/** A DynamoDB emulator on loopback and a client pointed at it. */
export interface LocalDynamoDb {
  endpoint: string;
  client: DynamoDBClient;
  /** Creates a table with the key schema resources/tables.yml declares, under `name`. */
  createTable(id: TableId, name: string): Promise<void>;
  stop(): Promise<void>;
}

interface TableResource {
  Properties: Pick<CreateTableCommandInput, 'AttributeDefinitions' | 'KeySchema' | 'GlobalSecondaryIndexes'>;
}

/** Reads a table's keys from the deployable definition, so tests use exactly what deploys. */
function tableDefinition(id: TableId): TableResource['Properties'] {
  const file = load(readFileSync(join(__dirname, '../../resources/tables.yml'), 'utf8')) as {
    Resources: Record<string, TableResource>;
  };
  const resource = file.Resources[id];
  if (resource === undefined) throw new Error(`resources/tables.yml declares no ${id}`);
  const { AttributeDefinitions, KeySchema, GlobalSecondaryIndexes } = resource.Properties;
  return { AttributeDefinitions, KeySchema, GlobalSecondaryIndexes };
}

const TABLE_ACTIVE_TIMEOUT_MS = 5_000;

/**
 * Creates the table resources/tables.yml declares as `id`, under `name`, and waits until it is ACTIVE: dynalite
 * flips the status on a timer, and a write to a table still CREATING fails with ResourceNotFoundException.
 */
export async function createDeclaredTable(client: DynamoDBClient, id: TableId, name: string): Promise<void> {
  await client.send(
    new CreateTableCommand({ TableName: name, BillingMode: 'PAY_PER_REQUEST', ...tableDefinition(id) }),
  );
  await waitUntilTableActive(client, name, TABLE_ACTIVE_TIMEOUT_MS);
}

/** Starts dynalite in memory on 127.0.0.1 and a free port; tables are ACTIVE as soon as they are created. */
export async function startDynalite(): Promise<LocalDynamoDb> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0 });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', maxAttempts: 1 });
  return {
    endpoint,
    client,
    createTable: (id, name) => createDeclaredTable(client, id, name),
    stop: async () => {
      client.destroy();
      await closeServer(server);
    },
  };
}
