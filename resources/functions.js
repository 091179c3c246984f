// @ts-check

/**
 * serverless.yml's `functions`, from the declarations of functions/registry.ts (resources/service/functions-section.ts).
 *
 * Used from serverless.yml as `functions: ${file(./resources/functions.js)}`.
 */

const { loadTypeScript } = require('./load-typescript');

module.exports = () => loadTypeScript('resources/service/functions-section.ts').functionsSection();
