import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PROJECT_ROOT = join(__dirname, '..', '..');
const SERVERLESS = join(PROJECT_ROOT, 'node_modules', '.bin', 'serverless');

/** The environment the CLI runs in: offline, with no AWS credentials and no instance-metadata probing. */
export const OFFLINE_ENV: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  AWS_EC2_METADATA_DISABLED: 'true',
  SLS_TELEMETRY_DISABLED: '1',
};

/** Runs the project's Serverless CLI with `args` in the project folder, with a time limit. */
export async function serverless(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ stdout: string; stderr: string }> {
  return run(SERVERLESS, args, {
    cwd: PROJECT_ROOT,
    env: { ...OFFLINE_ENV, ...env },
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** A packaged stack: its CloudFormation template and the folder holding it and the function zips. */
export interface PackagedStack {
  dir: string;
  template: CloudFormationTemplate;
  remove(): Promise<void>;
}

/** The parts of a CloudFormation template the tests read. */
export interface CloudFormationTemplate {
  Conditions?: Record<string, unknown>;
  Resources: Record<
    string,
    { Type: string; Condition?: string; DependsOn?: string | string[]; Properties?: Record<string, unknown> }
  >;
  Outputs?: Record<string, { Value: unknown; Condition?: string }>;
}

/**
 * Runs `serverless package` for `stage` with stage parameters overridden by `params`, into a fresh temporary
 * folder, and reads the generated template.
 */
export async function packageStack(stage: string, params: Record<string, string> = {}): Promise<PackagedStack> {
  const dir = await mkdtemp(join(tmpdir(), `cognito-flows-${stage}-`));
  const paramArgs = Object.entries(params).map(([key, value]) => `--param=${key}=${value}`);
  await serverless(['package', '--stage', stage, '--package', dir, ...paramArgs]);
  const template = JSON.parse(
    await readFile(join(dir, 'cloudformation-template-update-stack.json'), 'utf8'),
  ) as CloudFormationTemplate;
  return { dir, template, remove: () => rm(dir, { recursive: true, force: true }) };
}
