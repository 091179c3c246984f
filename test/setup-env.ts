import { DEPLOYED_FUNCTIONS } from '@functions/registry';
import fc from 'fast-check';
import { deployedEnvironment } from './helpers/function-environment';

/**
 * The environment every test starts from: what serverless.yml gives each registered function on the `local` stage
 * (deployed as `test`), quieter logs, and settings that keep the AWS SDK offline (no credential or region lookups,
 * no instance metadata probing).
 */
Object.assign(process.env, ...DEPLOYED_FUNCTIONS.map((declaration) => deployedEnvironment(declaration)), {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  LOG_LEVEL: 'warn',
});

/*
 * Property tests draw new cases on every run, so a developer's runs keep exploring. CI fixes the seed
 * (FUZZ_SEED in .ci/run) so that a run is reproducible; a failing property prints the seed to replay it with.
 */
if (process.env.FUZZ_SEED !== undefined) {
  fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED) });
}
