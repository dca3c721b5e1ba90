/**
 * Every mail the application sends, by template name. Each one is a pair of files,
 * templates/mail/fr/<name>.txt and templates/mail/en/<name>.txt (see templates/mail/README.md for
 * the data each one takes). Add a name here and its two files to add a mail.
 */
export const MAIL_TEMPLATES = [
  'submission-received',
  'submission-accepted',
  'submission-rejected',
  'submission-cancelled',
  'co-speaker-invited',
  'co-speaker-accepted',
  'programme-changed',
  'registration-confirmed',
  'admission-granted',
  'label-contact-link',
  'password-reset',
] as const;

export type MailTemplate = (typeof MAIL_TEMPLATES)[number];

/** The languages mails are written in; French is the default. */
export const MAIL_LOCALES = ['fr', 'en'] as const;

export type MailLocale = (typeof MAIL_LOCALES)[number];
