/**
 * The esbuild plugins every function's bundle is built with, by `serverless package`, `serverless invoke local`,
 * serverless-offline and the bench alike (serverless.yml's `custom.esbuild.plugins`).
 */
import type { Plugin } from 'esbuild';
import { compiledTemplates } from './compiled-templates';
import { esModulePackage } from './es-module-package';
import { lazyMiddyStreams } from './middy-streams';
import { oneSdkImport } from './one-sdk-import';

/** The plugins, in the order esbuild runs them. */
export const BUILD_PLUGINS: readonly Plugin[] = [esModulePackage, lazyMiddyStreams, oneSdkImport, compiledTemplates];
