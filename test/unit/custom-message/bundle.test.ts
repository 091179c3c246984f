import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inputsOf } from '@scripts/bench/bundle-outputs';
import { type BuiltBundle, buildProductionBundle, writeBundle } from '@scripts/bench/production-build';
import { loadFixture } from '@test/helpers/fixtures';
import { TEST_ENV } from './support';

/**
 * The customMessage handler bundled the way serverless.yml bundles it (the production options: an ES module, text
 * loader for templates), run in a plain Node process: what Lambda loads, without jest's module system in between.
 */
describe('the bundled customMessage handler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custom-message-bundle-'));
  let built: BuiltBundle;
  let entry: string;

  beforeAll(async () => {
    built = await buildProductionBundle('functions/custom-message/handler.ts');
    entry = writeBundle(built, dir);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('contains no AWS SDK module and none of the shared AWS clients', () => {
    const inputs = inputsOf(built);

    expect(inputs).toContain('shared/messages/fr/custom-message/verify-sign-up.html');
    expect(
      inputs.filter(
        (input) => input.includes('@aws-sdk') || input.includes('@smithy') || input.includes('shared/aws/'),
      ),
    ).toEqual([]);
  });

  /** Runs the bundle's handler once on `event` in a fresh Node process; resolves to its stdout, line by line. */
  function invokeBundle(event: unknown): string[] {
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(entry).href)});
      const event = await handler(JSON.parse(process.argv[1]), { functionName: 'cognito-flows-test-customMessage' });
      process.stdout.write(JSON.stringify(event.response));`;
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(event)], {
      env: { ...TEST_ENV, PATH: process.env.PATH, LOG_LEVEL: 'error' },
      encoding: 'utf8',
    });
    return output.split('\n');
  }

  it('renders a message from its bundled templates', () => {
    const response = JSON.parse(invokeBundle(loadFixture('CustomMessage_SignUp')).at(-1) ?? '') as Record<
      string,
      string
    >;

    expect(response.emailSubject).toBe('Confirmez votre compte Acme Portal');
    expect(response.emailMessage).toContain('<html lang="fr">');
    expect(response.smsMessage).toBe('Acme Portal : votre code de confirmation est {####}');
  });

  it('writes the metrics of the invocation to stdout, even when its log level writes no line', () => {
    const [metrics] = invokeBundle(loadFixture('CustomMessage_SignUp'));

    expect(JSON.parse(metrics ?? '')).toEqual(
      expect.objectContaining({
        _aws: expect.objectContaining({ CloudWatchMetrics: expect.any(Array) }),
        FunctionName: 'cognito-flows-test-customMessage',
        TriggerSource: 'CustomMessage_SignUp',
        Accepted: 1,
        ColdStart: 1,
      }),
    );
  });
});
