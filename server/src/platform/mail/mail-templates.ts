import { type RenderedMail, renderLayout } from './mail-layout.js';

/**
 * Every mail the platform sends. Each template takes the data it needs (links absolute, built by
 * the caller from config.publicUrl) and returns subject, HTML and text; the layout escapes every value.
 */
export const mailTemplates = {
  'verify-email': ({ username, link }: { username: string; link: string }): RenderedMail =>
    renderLayout({
      subject: 'Confirm your email address',
      heading: `Welcome to Tavola, ${username}`,
      paragraphs: ['Confirm that this address is yours to finish setting up your account. The link works once.'],
      action: { label: 'Confirm my email address', link },
    }),

  'reset-password': ({ username, link }: { username: string; link: string }): RenderedMail =>
    renderLayout({
      subject: 'Reset your Tavola password',
      heading: `Hello ${username}`,
      paragraphs: [
        'Someone asked to reset the password of your Tavola account. If it was you, choose a new password with the link below; it works once and only for a short while.',
        'If you did not ask for this, ignore this mail: your password stays as it is.',
      ],
      action: { label: 'Choose a new password', link },
    }),

  'password-changed': ({ username }: { username: string }): RenderedMail =>
    renderLayout({
      subject: 'Your Tavola password was changed',
      heading: `Hello ${username}`,
      paragraphs: [
        'The password of your Tavola account was just changed, and your other sessions were logged out.',
        'If you did not do this, reset your password at once from the log-in page and contact the administrators of this Tavola.',
      ],
    }),

  'account-deleted': ({ username }: { username: string }): RenderedMail =>
    renderLayout({
      subject: 'Your Tavola account was deleted',
      heading: `Goodbye ${username}`,
      paragraphs: [
        'Your Tavola account was deleted as you asked: your sessions and tokens have ended and your personal data has been erased.',
        'Thank you for cooking with us. You are welcome back at any time.',
      ],
    }),
} satisfies Record<string, (data: never) => RenderedMail>;

export type MailTemplateName = keyof typeof mailTemplates;
export type MailTemplateData<K extends MailTemplateName> = Parameters<(typeof mailTemplates)[K]>[0];

/** One mail to send: `{ to, template: 'verify-email', data: { username, link } }`. */
export type MailRequest = { [K in MailTemplateName]: { to: string; template: K; data: MailTemplateData<K> } }[MailTemplateName];

export function renderMail(request: MailRequest): RenderedMail {
  const render = mailTemplates[request.template] as (data: MailRequest['data']) => RenderedMail;
  return render(request.data);
}
