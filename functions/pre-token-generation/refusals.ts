import { pickLanguage } from '@shared/templates/locale';
import type { PreTokenGenerationEvent } from './token-event';

/** The languages the refusals are written in; a user whose `locale` is another reads English. */
const LANGUAGES = ['en', 'fr', 'es', 'de'] as const;

type Language = (typeof LANGUAGES)[number];

/**
 * What a refused sign-in tells the user, in each language. Cognito shows it after
 * `PreTokenGeneration failed with error`, so each says what happened and what to do.
 */
export const REFUSALS = {
  /** The user has no tenant, and `usersWithoutTenant` is `refuse`. */
  noTenant: {
    en: 'Your account is not part of an organisation yet. Ask your administrator to add you, then sign in again.',
    fr: 'Votre compte n’appartient encore à aucune organisation. Demandez à votre administrateur de vous ajouter, puis reconnectez-vous.',
    es: 'Tu cuenta aún no pertenece a ninguna organización. Pide a tu administrador que te añada y vuelve a iniciar sesión.',
    de: 'Ihr Konto gehört noch zu keiner Organisation. Bitten Sie Ihren Administrator, Sie hinzuzufügen, und melden Sie sich dann erneut an.',
  },
  /** The response check dropped a claim `requiredClaims` names. */
  requiredClaimLost: {
    en: 'We could not sign you in because your account’s access settings are incomplete. Contact your administrator.',
    fr: 'Nous n’avons pas pu vous connecter car les paramètres d’accès de votre compte sont incomplets. Contactez votre administrateur.',
    es: 'No hemos podido iniciar tu sesión porque la configuración de acceso de tu cuenta está incompleta. Ponte en contacto con tu administrador.',
    de: 'Die Anmeldung ist nicht möglich, weil die Zugriffseinstellungen Ihres Kontos unvollständig sind. Wenden Sie sich an Ihren Administrator.',
  },
} as const satisfies Record<string, Record<Language, string>>;

/** `refusal` in the language of the event's user (their `locale` attribute), English when it has none of ours. */
export function refusalText(event: PreTokenGenerationEvent, refusal: Readonly<Record<Language, string>>): string {
  return refusal[pickLanguage(event.request.userAttributes?.locale, LANGUAGES, 'en')];
}
