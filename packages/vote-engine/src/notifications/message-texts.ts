import type { MessageFacts, NotificationKind } from "./message-kinds";

/** One message in words, before it is laid out as plain text and HTML. */
export interface MessageWords {
  readonly subject: string;
  readonly paragraphs: readonly string[];
  readonly action: string;
}

/**
 * Everything Landslide says by e-mail in one language: one file per language under texts/.
 * `when` formats an instant in that language (UTC, said so), `count` is not needed: messages go
 * to one person each.
 */
export interface MessageTexts {
  readonly invitation: (facts: MessageFacts, when: (date: Date) => string) => MessageWords;
  readonly reminder: (facts: MessageFacts, when: (date: Date) => string) => MessageWords;
  readonly receipt: (facts: MessageFacts, when: (date: Date) => string) => MessageWords;
  readonly results: (facts: MessageFacts, when: (date: Date) => string) => MessageWords;
  /** Under every message: why it came and how to stop it. */
  readonly footer: string;
  readonly unsubscribe: string;
  /** Introduces the receipt document in a receipt message. */
  readonly receiptDocument: string;
}

export type KindTexts = Pick<MessageTexts, NotificationKind>;
