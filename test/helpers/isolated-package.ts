import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OFFLINE_ENV, type PackagedStack } from './serverless-cli';

const run = promisify(execFile);
const PROJECT_ROOT = join(__dirname, '..', '..');
/** What `serverless package` reads (scripts/build: the esbuild plugins); node_modules is linked, not copied. */
const SERVICE_FILES = [
  'serverless.yml',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'functions',
  'shared',
  'resources',
  'branding',
  'scripts/build',
];

/**
 * Runs `serverless package` for `stage` with stage parameters `params` on a copy of the service in a temporary
 * folder, so that it can run while other tests package the project itself (serverless-esbuild builds in the
 * service's own `.esbuild` folder), and reads the generated template.
 */
export async function packageIsolatedStack(stage: string, params: Record<string, string>): Promise<PackagedStack> {
  const dir = await mkdtemp(join(tmpdir(), `cognito-flows-isolated-${stage}-`));
  await Promise.all(SERVICE_FILES.map((name) => cp(join(PROJECT_ROOT, name), join(dir, name), { recursive: true })));
  await symlink(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const args = [
    'package',
    '--stage',
    stage,
    '--package',
    join(dir, 'out'),
    ...Object.entries(params).map(([key, value]) => `--param=${key}=${value}`),
  ];
  await run(join(dir, 'node_modules', '.bin', 'serverless'), args, {
    cwd: dir,
    env: OFFLINE_ENV,
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const template = JSON.parse(
    await readFile(join(dir, 'out', 'cloudformation-template-update-stack.json'), 'utf8'),
  ) as PackagedStack['template'];
  return { dir, template, remove: () => rm(dir, { recursive: true, force: true }) };
}
