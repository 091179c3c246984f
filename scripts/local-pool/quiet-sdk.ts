/**
 * Imported first by the local pool's command-line entry points: the AWS SDK's notice that future releases need
 * Node 22 concerns the deployed functions (nodejs22.x), not these local tools, which run on Node ≥ 20.19.
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
