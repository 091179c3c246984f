import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { type CloudFormationTemplate, packageStack } from '@test/helpers/serverless-cli';
import type { DeployedFunction } from './production-build';
import { readZip } from './zip';

/** The stage the bench packages; its own `.esbuild/<stage>` build folder keeps it apart from other builds. */
const BENCH_STAGE = 'bench';

/** One function as `serverless package` ships it. */
export interface PackagedFunction {
  readonly name: string;
  /** Size of the function's zip. */
  readonly zipBytes: number;
  /** The bundle's entry, extracted with the rest of the zip into the bench's work folder, as Lambda unpacks it. */
  readonly bundleFile: string;
  /** The function's environment variables as the CloudFormation template sets them. */
  readonly environment: Readonly<Record<string, string>>;
  /** Memory the template gives the function, in MB. */
  readonly memorySize: number;
}

/** What `serverless package` produced: the functions, and the tables the template declares. */
export interface PackagedStack {
  readonly functions: readonly PackagedFunction[];
  /** By logical id. */
  readonly tables: Readonly<Record<string, CreateTableCommandInput>>;
}

type TemplateResource = CloudFormationTemplate['Resources'][string];

/** The template's variables of `name`; a value CloudFormation computes (a `Ref`) has no local equivalent. */
function environmentOf(name: string, resource: TemplateResource): Record<string, string> {
  const variables = (resource.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
    ?.Variables;
  return Object.fromEntries(
    Object.entries(variables ?? {}).map(([variable, value]) => {
      if (typeof value !== 'string') {
        throw new Error(
          `${name}: environment variable ${variable} is computed by CloudFormation; the bench cannot set it.`,
        );
      }
      return [variable, value];
    }),
  );
}

/** The key schema of every `AWS::DynamoDB::Table` of the template by logical id, as CreateTable input (on demand). */
function tablesOf(template: CloudFormationTemplate): Record<string, CreateTableCommandInput> {
  return Object.fromEntries(
    Object.entries(template.Resources)
      .filter(([, resource]) => resource.Type === 'AWS::DynamoDB::Table')
      .map(([logicalId, resource]) => {
        const { TableName, AttributeDefinitions, KeySchema, GlobalSecondaryIndexes } = (resource.Properties ??
          {}) as unknown as CreateTableCommandInput;
        const table = { TableName, AttributeDefinitions, KeySchema, GlobalSecondaryIndexes };
        return [logicalId, { ...table, BillingMode: 'PAY_PER_REQUEST' } satisfies CreateTableCommandInput];
      }),
  );
}

/**
 * Runs `serverless package --stage bench` offline, then extracts each function's zip to
 * `workDir/functions/<name>/`, exactly as Lambda unpacks it.
 */
export async function packageFunctions(
  functions: readonly DeployedFunction[],
  workDir: string,
): Promise<PackagedStack> {
  const stack = await packageStack(BENCH_STAGE);
  try {
    const lambdas = Object.values(stack.template.Resources).filter(
      (resource) => resource.Type === 'AWS::Lambda::Function',
    );
    const packaged = functions.map((deployed): PackagedFunction => {
      const zipFile = join(stack.dir, `${deployed.name}.zip`);
      const root = join(workDir, 'functions', deployed.name);
      for (const [path, content] of readZip(zipFile)) {
        mkdirSync(dirname(join(root, path)), { recursive: true });
        writeFileSync(join(root, path), content);
      }
      const handlerPrefix = deployed.bundlePath.replace(/\.js$/, '.');
      const resource = lambdas.find((lambda) => String(lambda.Properties?.Handler).startsWith(handlerPrefix));
      if (resource === undefined) throw new Error(`The packaged template has no Lambda function for ${deployed.name}.`);
      const bundleFile = join(root, deployed.bundlePath);
      return {
        name: deployed.name,
        zipBytes: statSync(zipFile).size,
        bundleFile,
        environment: environmentOf(deployed.name, resource),
        memorySize: Number(resource.Properties?.MemorySize ?? 0),
      };
    });
    return { functions: packaged, tables: tablesOf(stack.template) };
  } finally {
    await stack.remove();
  }
}

/** The packaged function named `name`. */
export function packagedFunction(stack: PackagedStack, name: string): PackagedFunction {
  const found = stack.functions.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`serverless package produced no function ${name}.`);
  return found;
}
