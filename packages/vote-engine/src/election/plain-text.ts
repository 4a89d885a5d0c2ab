import { z } from "zod";

/**
 * Text people type (titles, prompts, labels, reasons) travels far: into terminals, spreadsheets,
 * audit trails and e-mails. Characters nobody types on purpose are refused where it comes in:
 * - C0 controls U+0000–U+001F: ESC starts terminal escape sequences (colours, cursor moves,
 *   window titles, hyperlinks); CR and backspace overwrite what was printed; NUL cuts strings.
 * - DEL U+007F and the C1 controls U+0080–U+009F (U+009B is a one-byte escape sequence start).
 * - Bidirectional embeddings and overrides U+202A–U+202E and isolates U+2066–U+2069: they make
 *   text read differently from what it holds ("Trojan Source", CVE-2021-42574).
 * The marks U+200E/U+200F stay allowed: mixed right-to-left text needs them and they reorder nothing.
 */
// \p{Cc} (Unicode's "Control" category) is exactly C0, DEL and C1.
const UNPRINTABLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;
/** The same, except the line feed: a multi-line description keeps its paragraphs. */
const UNPRINTABLE_BUT_LINE_FEED = /(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** "U+001B": how a refused character is named in a message (printing it would defeat the point). */
const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/**
 * A zod check for one free-text field, named in the message so a form or a CLI can say which
 * field to fix: `z.string().trim().max(200).check(plainText("title"))`. `lineBreaks` allows the
 * line feed (descriptions); a carriage return is refused everywhere: send line feeds only.
 */
export function plainText(field: string, { lineBreaks = false }: { lineBreaks?: boolean } = {}) {
  const refused = lineBreaks ? UNPRINTABLE_BUT_LINE_FEED : UNPRINTABLE;
  return z.superRefine<string>((text, ctx) => {
    const found = refused.exec(text);
    if (!found) return;
    const what = lineBreaks
      ? "control or text-direction characters (line breaks are fine)"
      : "control, line-break or text-direction characters";
    ctx.addIssue({
      code: "custom",
      input: text,
      message: `The ${field} must not contain ${what}: it has ${codePoint(found[0])} at character ${found.index + 1}.`,
    });
  });
}
