import type { BuiltBundle } from './production-build';

/** The JavaScript outputs of a bundle by their key in its metafile: the entry and the chunks. */
function javaScriptOutputs(bundle: BuiltBundle): string[] {
  return Object.keys(bundle.metafile.outputs).filter((key) => key.endsWith('.js'));
}

/**
 * The outputs Node loads when it imports the bundle's entry: the entry and the chunks it imports statically, and
 * theirs, in turn. The chunks behind a dynamic `import()` load only when the import runs.
 */
export function outputsLoadedAtStart(bundle: BuiltBundle): string[] {
  const loaded = new Set<string>();
  const visit = (key: string): void => {
    if (loaded.has(key)) return;
    loaded.add(key);
    for (const { path, kind, external } of bundle.metafile.outputs[key]?.imports ?? []) {
      if (kind === 'import-statement' && !external) visit(path);
    }
  };
  visit(bundle.output);
  return [...loaded];
}

/** Bytes of the given outputs of `bundle` (every JavaScript output when none are given). */
export function outputBytes(bundle: BuiltBundle, outputs: readonly string[] = javaScriptOutputs(bundle)): number {
  return outputs.reduce((sum, key) => sum + (bundle.metafile.outputs[key]?.bytes ?? 0), 0);
}

/** How many chunks code splitting made besides the entry. */
export function chunkCount(bundle: BuiltBundle): number {
  return javaScriptOutputs(bundle).length - 1;
}

/** The project and package files that went into the given outputs of `bundle` (every JavaScript output by default). */
export function inputsOf(bundle: BuiltBundle, outputs: readonly string[] = javaScriptOutputs(bundle)): string[] {
  return [...new Set(outputs.flatMap((key) => Object.keys(bundle.metafile.outputs[key]?.inputs ?? {})))];
}
