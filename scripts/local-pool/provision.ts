import {
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  SetUserPoolMfaConfigCommand,
  UpdateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateTableCommand, type DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import type { PoolDefinition } from './pool-definition';
import { waitUntilTableActive } from './table-active';

/** How long a created table may take to become ACTIVE. */
const TABLE_ACTIVE_TIMEOUT_MS = 10_000;

/** The ids of the pool and its app clients, by client name. */
export interface ProvisionedPool {
  userPoolId: string;
  clientIds: Record<string, string>;
}

/**
 * Finds the pool named `name` among the local pools, or creates it from `definition`. A pool kept from an earlier
 * run gets the definition's triggers (`LambdaConfig`) and settings again, so a newly declared trigger works at once.
 */
async function ensureUserPool(
  cognito: CognitoIdentityProviderClient,
  definition: PoolDefinition['userPool'],
): Promise<string> {
  const { UserPools = [] } = await cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
  const existing = UserPools.find((pool) => pool.Name === definition.PoolName)?.Id;
  if (existing !== undefined) {
    const { PoolName: _name, ...settings } = definition;
    await cognito.send(new UpdateUserPoolCommand({ ...settings, UserPoolId: existing }));
    return existing;
  }
  const { UserPool } = await cognito.send(new CreateUserPoolCommand(definition));
  if (UserPool?.Id === undefined) throw new Error(`Creating the user pool ${definition.PoolName} returned no id.`);
  return UserPool.Id;
}

async function ensureClients(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  clients: PoolDefinition['clients'],
): Promise<Record<string, string>> {
  const { UserPoolClients = [] } = await cognito.send(
    new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }),
  );
  const ids: Record<string, string> = {};
  for (const client of clients) {
    const name = client.ClientName ?? '';
    const existing = UserPoolClients.find((candidate) => candidate.ClientName === name)?.ClientId;
    const id =
      existing ??
      (await cognito.send(new CreateUserPoolClientCommand({ ...client, UserPoolId: userPoolId }))).UserPoolClient
        ?.ClientId;
    if (id === undefined) throw new Error(`Creating the app client ${name} returned no id.`);
    ids[name] = id;
  }
  return ids;
}

async function ensureGroups(
  cognito: CognitoIdentityProviderClient,
  userPoolId: string,
  groups: PoolDefinition['groups'],
): Promise<void> {
  const { Groups = [] } = await cognito.send(new ListGroupsCommand({ UserPoolId: userPoolId }));
  const existing = new Set(Groups.map((group) => group.GroupName));
  for (const group of groups.filter(({ GroupName }) => !existing.has(GroupName))) {
    await cognito.send(new CreateGroupCommand({ ...group, UserPoolId: userPoolId }));
  }
}

/** Creates the tables of `definition` that do not exist yet, and waits until each is ACTIVE. */
export async function ensureTables(dynamoDb: DynamoDBClient, tables: PoolDefinition['tables']): Promise<void> {
  const { TableNames = [] } = await dynamoDb.send(new ListTablesCommand({}));
  await Promise.all(
    Object.values(tables)
      .filter(({ TableName }) => TableName === undefined || !TableNames.includes(TableName))
      .map(async (table) => {
        await dynamoDb.send(new CreateTableCommand(table));
        if (table.TableName !== undefined)
          await waitUntilTableActive(dynamoDb, table.TableName, TABLE_ACTIVE_TIMEOUT_MS);
      }),
  );
}

/**
 * Makes the local Cognito API hold the pool of `definition` with its MFA settings, app clients and groups, creating what is
 * missing and keeping what a previous run created (found by name), so users survive a restart.
 */
export async function ensurePool(
  cognito: CognitoIdentityProviderClient,
  definition: PoolDefinition,
): Promise<ProvisionedPool> {
  const userPoolId = await ensureUserPool(cognito, definition.userPool);
  await cognito.send(new SetUserPoolMfaConfigCommand({ ...definition.mfaConfig, UserPoolId: userPoolId }));
  const [clientIds] = await Promise.all([
    ensureClients(cognito, userPoolId, definition.clients),
    ensureGroups(cognito, userPoolId, definition.groups),
  ]);
  return { userPoolId, clientIds };
}
