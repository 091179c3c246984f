import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFixture } from '@test/helpers/fixtures';
import { TEST_ENV } from './support';

const ROOT = join(__dirname, '..', '..', '..');

/**
 * The customMessage handler bundled the way serverless.yml bundles it (esbuild, text loader for templates), run in a
 * plain Node process: what Lambda loads, without jest's module system in between.
 */
describe('the bundled customMessage handler', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custom-message-bundle-'));
  const bundle = join(dir, 'handler.js');
  const metafile = join(dir, 'meta.json');

  beforeAll(() => {
    execFileSync(join(ROOT, 'node_modules', '.bin', 'esbuild'), [
      join(ROOT, 'functions', 'custom-message', 'handler.ts'),
      '--bundle',
      '--platform=node',
      '--format=cjs',
      '--target=node20',
      '--loader:.html=text',
      '--loader:.txt=text',
      '--log-level=error',
      `--metafile=${metafile}`,
      `--outfile=${bundle}`,
    ]);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('contains no AWS SDK module and none of the shared AWS clients', () => {
    const inputs = Object.keys((JSON.parse(readFileSync(metafile, 'utf8')) as { inputs: object }).inputs);

    expect(inputs).toContain('shared/messages/fr/custom-message/verify-sign-up.html');
    expect(
      inputs.filter(
        (input) => input.includes('@aws-sdk') || input.includes('@smithy') || input.includes('shared/aws/'),
      ),
    ).toEqual([]);
  });

  it('renders a message from its bundled templates', () => {
    const script = `require(${JSON.stringify(bundle)}).handler(JSON.parse(process.argv[1]), {})
      .then((event) => process.stdout.write(JSON.stringify(event.response)));`;

    const output = execFileSync(process.execPath, ['-e', script, JSON.stringify(loadFixture('CustomMessage_SignUp'))], {
      env: { ...TEST_ENV, PATH: process.env.PATH, LOG_LEVEL: 'error' },
      encoding: 'utf8',
    });

    const response = JSON.parse(output) as Record<string, string>;
    expect(response.emailSubject).toBe('Confirmez votre compte Acme Portal');
    expect(response.emailMessage).toContain('<html lang="fr">');
    expect(response.smsMessage).toBe('Acme Portal : votre code de confirmation est {####}');
  });
});
