/**
 * Text from a server (titles, labels, prompts, reasons, names, e-mail addresses, messages) is
 * data, and a terminal treats some characters as commands: ESC and the C1 CSI start sequences
 * that recolour, move the cursor, set the window title, write hyperlinks or, on some terminals,
 * answer back into the input; CR and backspace overwrite what was printed; bidi overrides make a
 * line read differently from what it holds. The API refuses them in what it stores now, but data
 * stored before, or a server that is not ours, must still print harmlessly.
 *
 * So they are shown, not obeyed: as `\x1b`, `\r`, `\u202e`. `--json` needs none of this:
 * JSON.stringify escapes every control character itself (the bidi controls are not dangerous
 * inside a JSON string, which no terminal reorders before a program reads it).
 */

import { UNPRINTABLE_BUT_LINE_FEED_SOURCE, UNPRINTABLE_SOURCE } from "@landslide/vote-engine/unprintable";

// The set the API refuses in what it stores: shown escaped here.
const UNPRINTABLE = new RegExp(UNPRINTABLE_SOURCE, "gu");
const UNPRINTABLE_BUT_LINE_FEED = new RegExp(UNPRINTABLE_BUT_LINE_FEED_SOURCE, "gu");

const NAMED: Readonly<Record<string, string>> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

function visible(char: string): string {
  const code = char.codePointAt(0)!;
  return (
    NAMED[char] ??
    (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`)
  );
}

/** One value for one line or one table cell: every control character made visible, line feeds included. */
export function terminalText(value: string): string {
  return value.replace(UNPRINTABLE, visible);
}

/** A message of one or more lines: the same, except that its line feeds still break lines. */
export function terminalLines(value: string): string {
  return value.replace(UNPRINTABLE_BUT_LINE_FEED, visible);
}
