/** HTML that is already safe to place in a mail body: built only by `html` below. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEscapes[c] as string);
}

/** Tagged template: every interpolated value is escaped unless it is SafeHtml (or a list of it). */
export function html(strings: TemplateStringsArray, ...values: Array<string | number | SafeHtml | SafeHtml[]>): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((part) => (part instanceof SafeHtml ? part.value : escapeHtml(String(part)))).join('');
    out += strings[i + 1] ?? '';
  });
  return new SafeHtml(out);
}

/** Links in mails are absolute http(s) URLs; anything else (javascript:, relative) is a programming error. */
export function absoluteLink(link: string): string {
  const url = new URL(link);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`A mail link must be http(s): ${url.protocol}`);
  return url.toString();
}

/** Header values stay on one line. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

export interface MailContent {
  subject: string;
  /** First line of the body, also the preview text of mail clients. */
  heading: string;
  /** Plain text; escaped into the HTML, joined by blank lines in the text part. */
  paragraphs: string[];
  action?: { label: string; link: string };
}

const footerText = 'You receive this mail because of your account on Tavola. If this was not you, you can ignore it.';

/** The shared frame of every mail: heading, paragraphs, an optional button, the footer; and its text twin. */
export function renderLayout(content: MailContent): RenderedMail {
  const action = content.action
    ? html`<p style="margin:24px 0"><a href="${absoluteLink(content.action.link)}" style="background:#8a2b2b;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${content.action.label}</a></p>
<p style="font-size:13px;color:#666666">If the button does not work, copy this link into your browser:<br><a href="${absoluteLink(content.action.link)}" style="color:#8a2b2b;word-break:break-all">${absoluteLink(content.action.link)}</a></p>`
    : html``;
  const paragraphs = content.paragraphs.map((p) => html`<p style="margin:0 0 16px">${p}</p>`);
  const body = html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${oneLine(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f6f3ee;font-family:Georgia,'Times New Roman',serif;color:#222222">
<div style="max-width:560px;margin:0 auto;padding:32px 24px">
<p style="font-size:20px;font-weight:bold;color:#8a2b2b;margin:0 0 24px">Tavola</p>
<h1 style="font-size:22px;margin:0 0 16px">${content.heading}</h1>
${paragraphs}${action}
<p style="font-size:12px;color:#888888;margin-top:32px;border-top:1px solid #e0dbd2;padding-top:16px">${footerText}</p>
</div>
</body>
</html>
`;
  const text = [content.heading, ...content.paragraphs];
  if (content.action) text.push(`${content.action.label}: ${absoluteLink(content.action.link)}`);
  return { subject: oneLine(content.subject), html: body.value, text: `${text.join('\n\n')}\n\n-- \n${footerText}\n` };
}
