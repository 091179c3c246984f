/**
 * The parts of the DynamoDB SDK the functions use, for them to `import()` on the path that calls DynamoDB: a dynamic
 * import of the package itself would bring every command and schema it has (see ./cognito.ts). A command the
 * functions start using is one more name here.
 */
export {
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
