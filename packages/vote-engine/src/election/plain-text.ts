import { z } from "zod";
import { UNPRINTABLE_BUT_LINE_FEED_SOURCE, UNPRINTABLE_SOURCE } from "./unprintable";

/**
 * Text people type (titles, prompts, labels, reasons) travels far: into terminals, spreadsheets,
 * audit trails and e-mails. Characters nobody types on purpose (unprintable.ts says which and why)
 * are refused where it comes in.
 */
const UNPRINTABLE = new RegExp(UNPRINTABLE_SOURCE, "u");
/** The same, except the line feed: a multi-line description keeps its paragraphs. */
const UNPRINTABLE_BUT_LINE_FEED = new RegExp(UNPRINTABLE_BUT_LINE_FEED_SOURCE, "u");

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
