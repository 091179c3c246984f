// @ts-check

/**
 * The esbuild plugins of the functions' bundles (scripts/build/plugins.ts), for serverless-esbuild, which loads
 * this file from serverless.yml's `custom.esbuild.plugins`.
 */

const { loadTypeScript } = require('../../resources/load-typescript');

module.exports = () => [...loadTypeScript('scripts/build/plugins.ts').BUILD_PLUGINS];
