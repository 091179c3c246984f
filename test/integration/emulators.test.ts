import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { type LocalDynamoDb, startDynalite } from '@test/helpers/dynalite';
import { type LocalSes, startSesLocal } from '@test/helpers/ses-local';

describe('local emulators', () => {
  let dynamo: LocalDynamoDb;
  let ses: LocalSes;

  beforeAll(async () => {
    [dynamo, ses] = await Promise.all([startDynalite(), startSesLocal()]);
  });

  afterAll(async () => {
    await Promise.all([dynamo?.stop(), ses?.stop()]);
  });

  it('serve DynamoDB on loopback with the tables of resources/tables.yml', async () => {
    await dynamo.createTable('UserProfilesTable', 'profiles');
    await dynamo.client.send(new PutItemCommand({ TableName: 'profiles', Item: { sub: { S: 'a' } } }));

    const { Item } = await dynamo.client.send(new GetItemCommand({ TableName: 'profiles', Key: { sub: { S: 'a' } } }));

    expect(dynamo.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Item).toEqual({ sub: { S: 'a' } });
  });

  it('serve SES on loopback and keep the mail it received', async () => {
    const client = new SESClient({ endpoint: ses.endpoint, region: 'us-east-1' });
    await client.send(
      new SendEmailCommand({
        Source: 'no-reply@example.com',
        Destination: { ToAddresses: ['jane@example.com'] },
        Message: { Subject: { Data: 'Hi' }, Body: { Text: { Data: 'Hello' } } },
      }),
    );
    client.destroy();

    expect(await ses.emails()).toEqual([
      expect.objectContaining({ subject: 'Hi', destination: expect.objectContaining({ to: ['jane@example.com'] }) }),
    ]);
  });
});
