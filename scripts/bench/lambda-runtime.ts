/*
 * What the bench's measuring children share with Lambda's Node.js runtime: the state the runtime is in when it
 * imports a handler, and the way it chooses between `import()` and `require` for the handler's file. The runtime is
 * aws-lambda-nodejs-runtime-interface-client, built as one ES module (`src/build.js`): the ES module loader is
 * already running when it loads a handler; its Runtime API client (`src/RAPIDClient.js`) has loaded `node:http`, and
 * with it `node:net` and `node:stream`; and it has `require`d a file, its native client (`NativeModuleLoader.js`), so
 * the CommonJS loader has run too. A handler pays nothing for any of that on Lambda, so neither may it in the bench:
 * the children are ES modules (see `buildChildScript`) and call {@link enterRuntimeState} before the clock starts.
 */
import 'node:http';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The file that stands for the runtime's native client, next to each built child script. */
const NATIVE_CLIENT_STAND_IN = 'runtime-native-client.cjs';

/** `require` for the handler files, which the bench names by absolute path: any base folder resolves them alike. */
const requireFile = createRequire(pathToFileURL(`${process.cwd()}/`));

/** Whether the `package.json` nearest to `folder` (up to `node_modules` or the root) says `"type": "module"`. */
function inModulePackage(folder: string): boolean {
  if (folder.endsWith('/node_modules')) return false;
  const manifest = join(folder, 'package.json');
  if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { type?: unknown }).type === 'module';
  const parent = dirname(folder);
  return parent !== folder && inModulePackage(parent);
}

/**
 * Whether Lambda's runtime loads `file` as an ES module: a `.mjs` file, or a `.js` file whose package says
 * `"type": "module"` (`_tryRequire` of the runtime's `src/UserFunction.js`); anything else it `require`s.
 */
export function loadsAsEsModule(file: string): boolean {
  return file.endsWith('.mjs') || (file.endsWith('.js') && inModulePackage(dirname(file)));
}

/** The exports of the handler file `file`, loaded as Lambda's runtime loads it. */
export async function loadHandlerFile(file: string): Promise<Record<string, unknown>> {
  return loadsAsEsModule(file)
    ? ((await import(pathToFileURL(file).href)) as Record<string, unknown>)
    : (requireFile(file) as Record<string, unknown>);
}

/** Writes the stand-in of the runtime's native client into `folder`, where the built child scripts are. */
export function writeRuntimeStandIn(folder: string): void {
  writeFileSync(
    join(folder, NATIVE_CLIENT_STAND_IN),
    "// Stands for Lambda's native Runtime API client.\nmodule.exports = {};\n",
  );
}

/**
 * Puts this process in the state Lambda's Node.js runtime is in when it imports a handler: `node:http` is loaded
 * (by this module's import) and the CommonJS loader has loaded a file. Call it from a built child script, whose
 * folder holds the stand-in of the runtime's native client (`__dirname` is the script's folder there).
 */
export function enterRuntimeState(): void {
  requireFile(join(__dirname, NATIVE_CLIENT_STAND_IN));
}
