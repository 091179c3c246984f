// @ts-check

/**
 * The functions' IAM roles, from the declarations of functions/registry.ts (resources/service/iam-roles.ts).
 *
 * Used from serverless.yml's `resources` as `${file(./resources/iam.js)}`.
 */

const { loadTypeScript } = require('./load-typescript');

module.exports = () => loadTypeScript('resources/service/iam-roles.ts').iamRoles();
