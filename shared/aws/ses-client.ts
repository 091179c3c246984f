import type { SESClient } from '@aws-sdk/client-ses';
import { lazy } from '../lazy';
import { CLIENT_OPTIONS } from './client-options';

/** The container's SES client, created on first use; its SDK module is loaded only then. */
export const sesClient: () => Promise<SESClient> = lazy(async () => {
  const { SESClient } = await import('./sdk/ses');
  return new SESClient(CLIENT_OPTIONS);
});
