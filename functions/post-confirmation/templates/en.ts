import type { LanguagePack } from './language-pack';
import passwordChangedHtml from './password-changed.en.html';
import passwordChangedText from './password-changed.en.txt';
import welcomeHtml from './welcome.en.html';
import welcomeText from './welcome.en.txt';

/** The postConfirmation emails in English. */
export const ENGLISH: LanguagePack = {
  footer: 'Questions? Write to',
  emails: {
    welcomeEmail: { subject: 'Welcome to <%= it.branding.productName %>', html: welcomeHtml, text: welcomeText },
    passwordNotice: {
      subject: 'Your <%= it.branding.productName %> password was changed',
      html: passwordChangedHtml,
      text: passwordChangedText,
    },
  },
};
