import type { EnvReader } from './config';
import { ConfigError } from './errors';

/** What messages say about the product: its name, where to get help, and the app's address. */
export interface Branding {
  productName: string;
  supportEmail: string;
  /** Base URL of the app, without a trailing slash, e.g. `https://app.example.com`. */
  appUrl: string;
}

/** Reads `PRODUCT_NAME`, `SUPPORT_EMAIL` and `APP_URL`; the URL must be absolute http(s). */
export function readBranding(env: EnvReader): Branding {
  const appUrl = env.string('APP_URL');
  let parsed: URL;
  try {
    parsed = new URL(appUrl);
  } catch {
    throw new ConfigError(`APP_URL must be an absolute URL, got "${appUrl}".`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new ConfigError(`APP_URL must be an http or https URL, got "${appUrl}".`);
  }
  const supportEmail = env.string('SUPPORT_EMAIL');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(supportEmail)) {
    throw new ConfigError(`SUPPORT_EMAIL must be an email address, got "${supportEmail}".`);
  }
  return { productName: env.string('PRODUCT_NAME'), supportEmail, appUrl: appUrl.replace(/\/+$/, '') };
}
