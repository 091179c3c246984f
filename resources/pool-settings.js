// @ts-check

/**
 * Validates the stage parameters of serverless.yml when the stack is packaged and derives the values that
 * CloudFormation cannot compute from a string (resources/pool/settings.ts). A misconfigured parameter stops
 * `serverless package` with a message naming it.
 *
 * Used from serverless.yml as `custom.pool: ${file(./resources/pool-settings.js)}`.
 */

const { loadTypeScript } = require('./load-typescript');

/** @param {{ resolveVariable: (address: string) => Promise<unknown> }} framework */
module.exports = (framework) => loadTypeScript('resources/pool/settings.ts').poolSettings(framework);
