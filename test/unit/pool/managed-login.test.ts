import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANAGED_LOGIN_FOLDER, managedLoginStyle } from '@resources/pool/managed-login';
import { ParameterError } from '@resources/pool/parameter-reader';

const NO_VALUE = { Ref: 'AWS::NoValue' };
let project: string;

/** A project whose branding folder holds `settings` and the asset files `assets` (name → content). */
function brandingOf(settings: string, assets: Record<string, Buffer | string> = {}): string {
  const folder = join(project, MANAGED_LOGIN_FOLDER);
  mkdirSync(join(folder, 'assets'), { recursive: true });
  writeFileSync(join(folder, 'settings.json'), settings);
  for (const [name, content] of Object.entries(assets)) writeFileSync(join(folder, 'assets', name), content);
  return project;
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ParameterError);
    return (error as Error).message;
  }
  throw new Error('Expected a refusal.');
}

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'managed-login-'));
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

describe('managedLoginStyle', () => {
  it("keeps Cognito's default style unless branded", () => {
    expect(managedLoginStyle(false, project)).toEqual({
      useCognitoProvidedValues: true,
      settings: NO_VALUE,
      assets: NO_VALUE,
    });
  });

  it('takes the settings and each image, base64-encoded, with its category, colour mode and type', () => {
    const dir = brandingOf('{"categories":{"global":{"colorSchemeMode":"DARK"}}}', {
      'FORM_LOGO.DARK.jpg': Buffer.from([0xff, 0xd8, 0xff]),
      'FAVICON_ICO.DYNAMIC.ico': Buffer.from([0, 0, 1, 0]),
    });

    expect(managedLoginStyle(true, dir)).toEqual({
      useCognitoProvidedValues: false,
      settings: { categories: { global: { colorSchemeMode: 'DARK' } } },
      assets: [
        { Category: 'FAVICON_ICO', ColorMode: 'DYNAMIC', Extension: 'ICO', Bytes: 'AAABAA==' },
        { Category: 'FORM_LOGO', ColorMode: 'DARK', Extension: 'JPEG', Bytes: '/9j/' },
      ],
    });
  });

  it('ships a style of its own that these rules accept', () => {
    const style = managedLoginStyle(true);

    expect(style.useCognitoProvidedValues).toBe(false);
    expect(style.assets).toEqual([expect.objectContaining({ Category: 'PAGE_HEADER_LOGO', Extension: 'SVG' })]);
  });

  it.each([
    ['LOGO.LIGHT.png', 'is not named <CATEGORY>'],
    ['FORM_LOGO.BRIGHT.png', 'is not named <CATEGORY>'],
    ['FORM_LOGO.LIGHT.gif', 'is not named <CATEGORY>'],
  ])('refuses an image named %s, naming hostedUiBranding and the file', (file, reason) => {
    const dir = brandingOf('{}', { [file]: 'x' });

    const message = refusal(() => managedLoginStyle(true, dir));

    expect(message).toMatch(/^Stage parameter "hostedUiBranding" is branded, and branding\/managed-login\/assets\//);
    expect(message).toContain(file);
    expect(message).toContain(reason);
  });

  it('refuses an image over the 1,000,000 base64 characters managed login takes', () => {
    const dir = brandingOf('{}', { 'PAGE_BACKGROUND.LIGHT.png': Buffer.alloc(750_001) });

    expect(refusal(() => managedLoginStyle(true, dir))).toContain('takes 1000004 base64 characters');
  });

  it.each([
    ['{ not json', 'cannot be read as JSON'],
    ['[1, 2]', 'must hold an object'],
  ])('refuses settings %p', (settings, reason) => {
    expect(refusal(() => managedLoginStyle(true, brandingOf(settings)))).toContain(reason);
  });
});
