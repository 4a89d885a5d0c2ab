import { describe, expect, it } from "vitest";
import { facts, table } from "../src/lib/format";
import { terminalLines, terminalText } from "../src/lib/terminal-text";

// Every control character but the line feed (\p{Cc} is C0, DEL and C1), and the bidi controls.
const CONTROL = /(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

describe("terminalText", () => {
  it.each([
    ["\u001b[31mred", "\\x1b[31mred"],
    ["\u001b]0;title\u0007", "\\x1b]0;title\\x07"],
    ["\u009b2J", "\\x9b2J"],
    ["a\rb", "a\\rb"],
    ["a\nb", "a\\nb"],
    ["a\tb", "a\\tb"],
    ["a\bb\u0000\u007f", "a\\x08b\\x00\\x7f"],
    ["\u202eevil\u202c", "\\u202eevil\\u202c"],
    ["\u2066isolated\u2069", "\\u2066isolated\\u2069"],
  ])("shows %j as %j", (text, shown) => {
    expect(terminalText(text)).toBe(shown);
  });

  it("leaves every script, emoji and the right-to-left marks alone", () => {
    for (const text of ["Ταμείο λιμένα", "صندوق الميناء\u200f", "港湾委員会", "Zoë’s “ferry” — 🚢"])
      expect(terminalText(text)).toBe(text);
  });

  it("keeps line feeds in a message of several lines, and nothing else", () => {
    expect(terminalLines("one\ntwo\u001b[2J\r")).toBe("one\ntwo\\x1b[2J\\r");
  });
});

describe("the table and facts printers", () => {
  it("print a server's text with no control character, columns still aligned", () => {
    const printed = table(
      [
        { id: "a", title: "\u001b[31mred\u001b[0m" },
        { id: "bb", title: "\u202eevil" },
      ],
      [
        { header: "ID", value: (r) => r.id },
        { header: "TITLE", value: (r) => r.title },
      ],
    );
    expect(printed).not.toMatch(CONTROL);
    expect(printed.split("\n")).toEqual(["ID  TITLE", "a   \\x1b[31mred\\x1b[0m", "bb  \\u202eevil"]);
    const shown = facts([
      ["title", "\u001b[2Jwiped"],
      ["description", "first\nsecond\r"],
    ]);
    expect(shown).not.toMatch(CONTROL);
    expect(shown.split("\n")).toEqual(["title        \\x1b[2Jwiped", "description  first", "             second\\r"]);
  });
});
