import { describe, expect, it } from 'vitest';
import { escapeHtml, html, oneLine } from './mail-layout.js';
import { mailTemplates, renderMail } from './mail-templates.js';

describe('mail templates', () => {
  it('renders every template with subject, html and text', () => {
    const link = 'https://tavola.example/verify-email?token=abc';
    for (const mail of [
      renderMail({ to: 'a@example.test', template: 'verify-email', data: { username: 'ada', link } }),
      renderMail({ to: 'a@example.test', template: 'reset-password', data: { username: 'ada', link } }),
      renderMail({ to: 'a@example.test', template: 'password-changed', data: { username: 'ada' } }),
      renderMail({ to: 'a@example.test', template: 'account-deleted', data: { username: 'ada' } }),
    ]) {
      expect(mail.subject.length).toBeGreaterThan(5);
      expect(mail.html).toContain('<!doctype html>');
      expect(mail.html).toContain('ada');
      expect(mail.text).toContain('ada');
      expect(mail.text).not.toContain('<');
    }
    const verify = mailTemplates['verify-email']({ username: 'ada', link });
    expect(verify.text).toContain(link);
    expect(verify.html).toContain(`href="${link}"`);
  });

  it('escapes every interpolated value in the html', () => {
    const username = '<script>alert("x")</script>&\'';
    const link = 'https://tavola.example/reset-password?token=a&b="c"';
    const mail = renderMail({ to: 'a@example.test', template: 'reset-password', data: { username, link } });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;');
    expect(mail.html).not.toContain('"c"');
    expect(mail.html).toContain('token=a&amp;b=%22c%22');
    // The text part is plain text: the name as typed.
    expect(mail.text).toContain(username);
  });

  it('refuses links that are not absolute http(s) URLs', () => {
    expect(() => mailTemplates['verify-email']({ username: 'ada', link: 'javascript:alert(1)' })).toThrow('must be http(s)');
    expect(() => mailTemplates['verify-email']({ username: 'ada', link: '/verify-email?token=x' })).toThrow();
  });

  it('keeps the subject on one line and escapes through the html tag', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(html`<b>${'<i>'}</b>${[html`<br>`]}`.value).toBe('<b>&lt;i&gt;</b><br>');
    expect(oneLine(' Hello\r\nBcc: someone@example.test ')).toBe('Hello Bcc: someone@example.test');
  });
});
