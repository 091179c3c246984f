import { gzipSync } from 'node:zlib';
import { bundleContents, isAwsSdkPackage } from './metafile';
import type { PackagedFunction } from './packaged-stack';
import type { BuiltBundle } from './production-build';

/** Size and make-up of one function's bundle. */
export interface BundleReport {
  readonly functionName: string;
  /** The minified bundle as packaged (`handler.js`), its gzip size (level 9) and the whole zip with source map. */
  readonly bytes: number;
  readonly gzipBytes: number;
  readonly zipBytes: number;
  /** Whether esbuild with the options read from serverless.yml produced the packaged file byte for byte. */
  readonly identicalToPackage: boolean;
  /** AWS SDK packages in the bundle, and those of them that run when it is loaded (static import graph). */
  readonly sdkPackages: readonly string[];
  readonly sdkPackagesAtInit: readonly string[];
  /** Bytes of the bundle that run at load / only on first use of a lazy import. */
  readonly bytesAtInit: number;
  readonly bytesDeferred: number;
  readonly memorySize: number;
}

/** Sizes and the static load-time analysis of `packaged`, whose metafile comes from the identical `built`. */
export function bundleReport(packaged: PackagedFunction, built: BuiltBundle): BundleReport {
  const contents = bundleContents(built.metafile, built.output);
  const sdk = contents.packages.filter((share) => isAwsSdkPackage(share.name));
  const bytesAtInit = contents.inputs.filter((input) => input.atInit).reduce((sum, input) => sum + input.bytes, 0);
  const inputBytes = contents.inputs.reduce((sum, input) => sum + input.bytes, 0);
  return {
    functionName: packaged.name,
    bytes: packaged.bundle.length,
    gzipBytes: gzipSync(packaged.bundle, { level: 9 }).length,
    zipBytes: packaged.zipBytes,
    identicalToPackage: Buffer.compare(packaged.bundle, Buffer.from(built.code)) === 0,
    sdkPackages: sdk.map((share) => share.name),
    sdkPackagesAtInit: sdk.filter((share) => share.filesAtInit > 0).map((share) => share.name),
    bytesAtInit,
    bytesDeferred: inputBytes - bytesAtInit,
    memorySize: packaged.memorySize,
  };
}
