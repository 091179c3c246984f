// @ts-check

/**
 * A framework plugin that lets a function's `cognitoUserPool` event carry `lambdaVersion`. osls 4.3 compiles it
 * (a PreTokenGeneration event with `lambdaVersion: V2_0` becomes `LambdaConfig.PreTokenGenerationConfig
 * {LambdaArn, LambdaVersion}`) but its configuration schema does not declare the property, so the configuration
 * check refuses the event as "unrecognized property 'lambdaVersion'". This adds the property to the event's schema
 * and leaves a schema that already has it unchanged; the framework still checks the value (V1_0, V2_0 or V3_0 for
 * PreTokenGeneration, none for other triggers).
 *
 * Listed first in serverless.yml's `plugins` as `./resources/cognito-lambda-version`.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cognito-userpool-pretokengenerationconfig.html
 */

const FUNCTION_NAME_PATTERN = '^[a-zA-Z0-9-_]+$';

/**
 * The schema of the `cognitoUserPool` function event, as the framework's core plugin defined it.
 * @param {any} schema the framework's configuration schema
 * @returns {{ properties: Record<string, unknown> } | undefined}
 */
function cognitoUserPoolEventSchema(schema) {
  const events = schema?.properties?.functions?.patternProperties?.[FUNCTION_NAME_PATTERN]?.properties?.events;
  /** @type {Array<{ properties?: Record<string, any> }>} */
  const anyOf = events?.items?.anyOf ?? [];
  return anyOf.find((entry) => entry.properties?.cognitoUserPool !== undefined)?.properties?.cognitoUserPool;
}

class CognitoLambdaVersion {
  /** @param {{ configSchemaHandler?: { schema?: unknown } }} serverless */
  constructor(serverless) {
    const eventSchema = cognitoUserPoolEventSchema(serverless.configSchemaHandler?.schema);
    if (eventSchema === undefined) {
      throw new Error('The framework defines no cognitoUserPool event schema to add lambdaVersion to.');
    }
    // A string rather than the three versions: the schema is checked before `${…}` variables are resolved.
    eventSchema.properties.lambdaVersion ??= { type: 'string' };
  }
}

module.exports = CognitoLambdaVersion;
