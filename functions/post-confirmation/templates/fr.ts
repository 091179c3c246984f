import type { LanguagePack } from './language-pack';
import passwordChangedHtml from './password-changed.fr.html';
import passwordChangedText from './password-changed.fr.txt';
import welcomeHtml from './welcome.fr.html';
import welcomeText from './welcome.fr.txt';

/** The postConfirmation emails in French. */
export const FRENCH: LanguagePack = {
  footer: 'Des questions ? Écrivez à',
  emails: {
    welcomeEmail: { subject: 'Bienvenue sur <%= it.branding.productName %>', html: welcomeHtml, text: welcomeText },
    passwordNotice: {
      subject: 'Le mot de passe de votre compte <%= it.branding.productName %> a été modifié',
      html: passwordChangedHtml,
      text: passwordChangedText,
    },
  },
};
