/**
 * The environment every test starts from: what serverless.yml gives the functions, plus settings that keep
 * the AWS SDK offline (no credential or region lookups, no instance metadata probing).
 */
Object.assign(process.env, {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  LOG_LEVEL: 'warn',
});
