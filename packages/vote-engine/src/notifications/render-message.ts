import type { MailLanguage } from "./languages";
import { writingDirection } from "./languages";
import type { MessageFacts, NotificationKind } from "./message-kinds";
import type { MessageTexts } from "./message-texts";
import { ar } from "./texts/ar";
import { de } from "./texts/de";
import { en } from "./texts/en";
import { es } from "./texts/es";
import { fr } from "./texts/fr";

const textsByLanguage: Record<MailLanguage, MessageTexts> = { en, es, fr, de, ar };

/** A message ready for SES: a subject and the same words as plain text and as HTML. */
export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** An instant in the reader's language, in UTC and saying so (a voter may be anywhere). */
function whenIn(language: MailLanguage): (date: Date) => string {
  const format = new Intl.DateTimeFormat(language, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  return (date) => `${format.format(date)} UTC`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/**
 * Lays out one message in one language. Everything that comes from an election (its title) or a
 * voter is escaped in the HTML: an official's title is text, never markup in someone's mailbox.
 */
export function renderMessage(kind: NotificationKind, language: MailLanguage, facts: MessageFacts): RenderedMessage {
  const texts = textsByLanguage[language];
  const words = texts[kind](facts, whenIn(language));
  const receipt = kind === "receipt" && facts.receipt ? facts.receipt : undefined;
  const receiptHeading = receipt ? texts.receiptDocument.replace("{id}", receipt.receiptId) : "";
  const text = [
    ...words.paragraphs,
    `${words.action}: ${facts.actionUrl}`,
    ...(receipt ? [receiptHeading, receipt.document] : []),
    "--",
    texts.footer,
    `${texts.unsubscribe}: ${facts.unsubscribeUrl}`,
  ].join("\n\n");
  const dir = writingDirection(language);
  const html = [
    `<!doctype html><html lang="${language}" dir="${dir}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(words.subject)}</title></head>`,
    `<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:36rem;margin:0 auto;padding:1rem">`,
    ...words.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<p><a href="${escapeHtml(facts.actionUrl)}" style="display:inline-block;padding:.6rem 1rem;background:#1d4ed8;color:#fff;border-radius:.4rem;text-decoration:none">${escapeHtml(words.action)}</a></p>`,
    ...(receipt
      ? [
          `<p>${escapeHtml(receiptHeading)}</p>`,
          `<pre dir="ltr" style="white-space:pre-wrap;word-break:break-all;background:#f4f4f5;padding:.75rem;border-radius:.4rem">${escapeHtml(receipt.document)}</pre>`,
        ]
      : []),
    `<hr><p style="font-size:.875rem;color:#52525b">${escapeHtml(texts.footer)}<br>`,
    `<a href="${escapeHtml(facts.unsubscribeUrl)}">${escapeHtml(texts.unsubscribe)}</a></p>`,
    "</body></html>",
  ].join("");
  return { subject: words.subject, text, html };
}
