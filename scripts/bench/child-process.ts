import { spawn } from 'node:child_process';
import { basename, join } from 'node:path';
import { type BuildOptions, build } from 'esbuild';
import { RESULT_FD } from './child-result';
import { writeRuntimeStandIn } from './lambda-runtime';
import { PROJECT_ROOT } from './production-build';

const STDERR_TAIL = 2_000;

/**
 * What the scripts' CommonJS code expects of its module scope, in an ES module: `require` for the packages that
 * load others with it, and `__filename` and `__dirname`, which are the built script's, as in a CommonJS bundle.
 */
const COMMONJS_SCOPE = [
  "import { createRequire as __createRequire } from 'node:module';",
  "import { fileURLToPath as __fileURLToPath } from 'node:url';",
  'const require = __createRequire(import.meta.url);',
  'const __filename = __fileURLToPath(import.meta.url);',
  "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
].join('\n');

/**
 * Builds a TypeScript script of the bench into a standalone ES module in `outDir`, so that a measuring process
 * starts with plain `node`, loads nothing but the script itself before what it measures, and has the ES module
 * loader running, as Lambda's Node.js runtime does (./lambda-runtime.ts). A `variant` (its plugins) builds it again
 * under its name, `<script>-<variant>.mjs`.
 */
export async function buildChildScript(
  entry: string,
  outDir: string,
  variant?: { readonly name: string; readonly options: BuildOptions },
): Promise<string> {
  const suffix = variant === undefined ? '' : `-${variant.name}`;
  const outfile = join(outDir, basename(entry).replace(/\.ts$/, `${suffix}.mjs`));
  await build({
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    banner: { js: COMMONJS_SCOPE },
    target: 'node20',
    logLevel: 'silent',
    plugins: variant?.options.plugins ?? [],
  });
  writeRuntimeStandIn(outDir);
  return outfile;
}

/**
 * Runs `script` in a fresh Node process with exactly `env` (nothing inherited), discards its stdout, and
 * resolves to the JSON it writes on file descriptor 3. Rejects with the end of its stderr if it exits
 * without a result or does not finish within `timeoutMs`.
 */
export function runChild<T>(
  script: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      env,
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    const result: Buffer[] = [];
    let stderr = '';
    child.stdio[RESULT_FD]?.on('data', (chunk: Buffer) => result.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL);
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      const text = Buffer.concat(result).toString('utf8');
      if (text === '') {
        reject(
          new Error(`${basename(script)} ${args.join(' ')} exited (${signal ?? code}) without a result.\n${stderr}`),
        );
        return;
      }
      const parsed = JSON.parse(text) as T | { failed: string };
      if (typeof parsed === 'object' && parsed !== null && 'failed' in parsed) {
        reject(new Error(`${basename(script)} ${args.join(' ')} failed: ${parsed.failed}\n${stderr}`));
        return;
      }
      resolve(parsed as T);
    });
  });
}
