/**
 * The characters nobody types on purpose, which the API refuses in stored text (plain-text.ts)
 * and the CLI shows escaped when it prints text from a server (apps/cli terminal-text.ts):
 * - C0 controls U+0000–U+001F: ESC starts terminal escape sequences (colours, cursor moves,
 *   window titles, hyperlinks); CR and backspace overwrite what was printed; NUL cuts strings.
 * - DEL U+007F and the C1 controls U+0080–U+009F (U+009B is a one-byte escape sequence start).
 *   With C0 these are exactly \p{Cc}, Unicode's "Control" category.
 * - Bidirectional embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069: they make
 *   text read differently from what it holds ("Trojan Source", CVE-2021-42574).
 * The marks U+200E/U+200F stay allowed: mixed right-to-left text needs them and they reorder nothing.
 * A pattern source, for the `u` flag, so each user adds the flags it needs (test once, or replace all).
 */
export const UNPRINTABLE_SOURCE = String.raw`[\p{Cc}\u202a-\u202e\u2066-\u2069]`;

/** The same, except the line feed: a multi-line text keeps its line breaks. */
export const UNPRINTABLE_BUT_LINE_FEED_SOURCE = String.raw`(?!\n)${UNPRINTABLE_SOURCE}`;
