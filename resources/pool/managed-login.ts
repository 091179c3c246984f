import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ParameterError } from './parameter-reader';

const NO_VALUE = { Ref: 'AWS::NoValue' };

/** The project folder (this module is `resources/pool/`, bundled or not). */
const PROJECT_DIR = join(__dirname, '..', '..');

/** Where `hostedUiBranding: branded` takes the managed login style from, relative to the project. */
export const MANAGED_LOGIN_FOLDER = join('branding', 'managed-login');

/** Asset categories, colour modes and file types `AWS::Cognito::ManagedLoginBranding` accepts. */
const CATEGORIES = [
  'FAVICON_ICO',
  'FAVICON_SVG',
  'EMAIL_GRAPHIC',
  'SMS_GRAPHIC',
  'AUTH_APP_GRAPHIC',
  'PASSWORD_GRAPHIC',
  'PASSKEY_GRAPHIC',
  'PAGE_HEADER_LOGO',
  'PAGE_HEADER_BACKGROUND',
  'PAGE_FOOTER_LOGO',
  'PAGE_FOOTER_BACKGROUND',
  'PAGE_BACKGROUND',
  'FORM_BACKGROUND',
  'FORM_LOGO',
  'IDP_BUTTON_ICON',
];
const COLOR_MODES = ['LIGHT', 'DARK', 'DYNAMIC'];
const EXTENSIONS: Readonly<Record<string, string>> = {
  ico: 'ICO',
  jpeg: 'JPEG',
  jpg: 'JPEG',
  png: 'PNG',
  svg: 'SVG',
  webp: 'WEBP',
};
/** The most base64 characters an asset's `Bytes` may hold. */
const MAX_ASSET_BASE64 = 1_000_000;

/** One image of the style: `<CATEGORY>.<COLOR_MODE>.<extension>`, e.g. `PAGE_HEADER_LOGO.LIGHT.png`. */
function asset(folder: string, file: string) {
  const [category = '', colorMode = '', extension = '', ...rest] = file.split('.');
  const type = EXTENSIONS[extension.toLowerCase()];
  if (!CATEGORIES.includes(category) || !COLOR_MODES.includes(colorMode) || type === undefined || rest.length > 0) {
    throw new ParameterError(
      'hostedUiBranding',
      `is branded, and ${MANAGED_LOGIN_FOLDER}/assets/${file} is not named <CATEGORY>.<LIGHT|DARK|DYNAMIC>.<ico|jpeg|png|svg|webp> with a category of ${CATEGORIES.join(', ')}.`,
    );
  }
  const bytes = readFileSync(join(folder, file)).toString('base64');
  if (bytes.length > MAX_ASSET_BASE64) {
    throw new ParameterError(
      'hostedUiBranding',
      `is branded, and ${MANAGED_LOGIN_FOLDER}/assets/${file} takes ${bytes.length} base64 characters; managed login takes at most ${MAX_ASSET_BASE64}.`,
    );
  }
  return { Category: category, ColorMode: colorMode, Extension: type, Bytes: bytes };
}

/** The style's `Settings`: the JSON object of `settings.json`. */
function settings(folder: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(folder, 'settings.json'), 'utf8'));
  } catch (error) {
    throw new ParameterError(
      'hostedUiBranding',
      `is branded, and ${MANAGED_LOGIN_FOLDER}/settings.json cannot be read as JSON (${(error as Error).message}).`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ParameterError(
      'hostedUiBranding',
      `is branded, and ${MANAGED_LOGIN_FOLDER}/settings.json must hold an object.`,
    );
  }
  return parsed as Record<string, unknown>;
}

/**
 * The properties of the `AWS::Cognito::ManagedLoginBranding` style: Cognito's defaults (`UseCognitoProvidedValues`),
 * or with `branded` the `Settings` and image `Assets` of `branding/managed-login/` under `projectDir`.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-managedloginbranding.html
 */
export function managedLoginStyle(branded: boolean, projectDir: string = PROJECT_DIR) {
  if (!branded) return { useCognitoProvidedValues: true, settings: NO_VALUE, assets: NO_VALUE };
  const folder = join(projectDir, MANAGED_LOGIN_FOLDER);
  const assetsFolder = join(folder, 'assets');
  let files: string[] = [];
  try {
    files = readdirSync(assetsFolder)
      .filter((file) => !file.startsWith('.'))
      .sort();
  } catch {
    // No images: the style's settings alone.
  }
  const assets = files.map((file) => asset(assetsFolder, file));
  return { useCognitoProvidedValues: false, settings: settings(folder), assets: assets.length > 0 ? assets : NO_VALUE };
}
