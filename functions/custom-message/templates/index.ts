/**
 * The message templates that ship with the function. Each language is one folder (`en/`, `fr/`, …) and one entry
 * of {@link TEMPLATES}; the languages the flow offers are exactly the keys of that entry, so adding a language
 * means adding its folder and its imports here. A test checks that every folder is registered and complete.
 */
import { languageTemplates, type TemplateCatalog } from './catalog';
import enInvitation from './en/invitation.html';
import enResetPassword from './en/reset-password.html';
import enSignInCode from './en/sign-in-code.html';
import en from './en/strings.json';
import enVerifyAttribute from './en/verify-attribute.html';
import enVerifySignUp from './en/verify-sign-up.html';
import esInvitation from './es/invitation.html';
import esResetPassword from './es/reset-password.html';
import esSignInCode from './es/sign-in-code.html';
import es from './es/strings.json';
import esVerifyAttribute from './es/verify-attribute.html';
import esVerifySignUp from './es/verify-sign-up.html';
import frInvitation from './fr/invitation.html';
import frResetPassword from './fr/reset-password.html';
import frSignInCode from './fr/sign-in-code.html';
import fr from './fr/strings.json';
import frVerifyAttribute from './fr/verify-attribute.html';
import frVerifySignUp from './fr/verify-sign-up.html';

/** The shipped templates by language; English is used when the user's `locale` names no language here. */
export const TEMPLATES: TemplateCatalog = {
  fallbackLanguage: 'en',
  languages: {
    en: languageTemplates(en, {
      'verify-sign-up': enVerifySignUp,
      invitation: enInvitation,
      'reset-password': enResetPassword,
      'verify-attribute': enVerifyAttribute,
      'sign-in-code': enSignInCode,
    }),
    es: languageTemplates(es, {
      'verify-sign-up': esVerifySignUp,
      invitation: esInvitation,
      'reset-password': esResetPassword,
      'verify-attribute': esVerifyAttribute,
      'sign-in-code': esSignInCode,
    }),
    fr: languageTemplates(fr, {
      'verify-sign-up': frVerifySignUp,
      invitation: frInvitation,
      'reset-password': frResetPassword,
      'verify-attribute': frVerifyAttribute,
      'sign-in-code': frSignInCode,
    }),
  },
};
