// @ts-check

/**
 * The functions' alarms and dashboard, from the declarations of functions/registry.ts (resources/service/monitoring.ts).
 * A monitoring stage parameter that breaks its rule stops `serverless package` with a message naming it.
 *
 * Used from serverless.yml's `resources` as `${file(./resources/monitoring.js)}`.
 */

const { loadTypeScript } = require('./load-typescript');

/** @param {{ resolveVariable: (address: string) => Promise<unknown> }} framework */
module.exports = (framework) => loadTypeScript('resources/service/monitoring.ts').monitoringResources(framework);
