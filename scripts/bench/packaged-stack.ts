import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { type DeployedFunction, PROJECT_ROOT } from './production-build';
import { readZip } from './zip';

const run = promisify(execFile);

/** The stage the bench packages; its own `.esbuild/<stage>` build folder keeps it apart from other runs. */
export const BENCH_STAGE = 'bench';

/** One function as `serverless package` ships it. */
export interface PackagedFunction {
  readonly name: string;
  /** Size of the function's zip. */
  readonly zipBytes: number;
  /** The bundle, extracted with its source map into the bench's work folder. */
  readonly bundleFile: string;
  readonly bundle: Buffer;
  /** The function's environment variables as the CloudFormation template sets them. */
  readonly environment: Readonly<Record<string, unknown>>;
  /** Memory the template gives the function, in MB. */
  readonly memorySize: number;
}

interface TemplateFunction {
  Type: string;
  Properties: { Handler?: string; MemorySize?: number; Environment?: { Variables?: Record<string, unknown> } };
}

/**
 * Runs `serverless package --stage bench` offline into `workDir/package`, then extracts each function's
 * bundle (and source map) to `workDir/functions/<name>/`, exactly as Lambda would unpack the zip.
 */
export async function packageFunctions(
  functions: readonly DeployedFunction[],
  workDir: string,
): Promise<PackagedFunction[]> {
  const packageDir = join(workDir, 'package');
  await run(
    join(PROJECT_ROOT, 'node_modules', '.bin', 'serverless'),
    ['package', '--stage', BENCH_STAGE, '--package', packageDir],
    {
      cwd: PROJECT_ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        AWS_EC2_METADATA_DISABLED: 'true',
        SLS_TELEMETRY_DISABLED: '1',
      },
      timeout: 180_000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const template = JSON.parse(readFileSync(join(packageDir, 'cloudformation-template-update-stack.json'), 'utf8')) as {
    Resources: Record<string, TemplateFunction>;
  };
  return functions.map((deployed) => {
    const zipFile = join(packageDir, `${deployed.name}.zip`);
    const root = join(workDir, 'functions', deployed.name);
    for (const [path, content] of readZip(zipFile)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    }
    const resource = Object.values(template.Resources).find(
      (candidate) =>
        candidate.Type === 'AWS::Lambda::Function' &&
        candidate.Properties.Handler?.startsWith(deployed.bundlePath.replace(/\.js$/, '.')),
    );
    if (resource === undefined) throw new Error(`The packaged template has no Lambda function for ${deployed.name}.`);
    const bundleFile = join(root, deployed.bundlePath);
    return {
      name: deployed.name,
      zipBytes: statSync(zipFile).size,
      bundleFile,
      bundle: readFileSync(bundleFile),
      environment: resource.Properties.Environment?.Variables ?? {},
      memorySize: resource.Properties.MemorySize ?? 0,
    };
  });
}
