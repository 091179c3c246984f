import fc from 'fast-check';

/**
 * The environment every test starts from: what serverless.yml gives the functions, plus settings that keep
 * the AWS SDK offline (no credential or region lookups, no instance metadata probing).
 */
Object.assign(process.env, {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  LOG_LEVEL: 'warn',
  PRODUCT_NAME: 'Cognito Flows',
  SUPPORT_EMAIL: 'support@example.com',
  APP_URL: 'http://localhost:3000',
  LEGACY_USERS_TABLE: 'cognito-flows-test-legacy-users',
  USER_PROFILES_TABLE: 'cognito-flows-test-user-profiles',
  DEFAULT_GROUP: 'users',
  EMAIL_FROM: 'Example <no-reply@example.com>',
});

/*
 * Property tests draw new cases on every run, so a developer's runs keep exploring. CI fixes the seed
 * (FUZZ_SEED in .ci/run) so that a run is reproducible; a failing property prints the seed to replay it with.
 */
if (process.env.FUZZ_SEED !== undefined) {
  fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });
}
