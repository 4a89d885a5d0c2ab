import { describe, expect, it } from "vitest";
import { readRoll, type RowProblem } from "@landslide/api/client";
import { inEnglish } from "../i18n/english";
import { fileProblemText, rowProblemText } from "../app/[locale]/elections/roll/roll-problems";

/** A roll's problems reach the official as codes, and the console words them (in every language: messages.test.ts). */
describe("a roll's problems in the console's words", () => {
  const fileProblem = (text: string) => {
    const roll = readRoll(text);
    if (roll.ok) throw new Error("expected a refused file");
    return fileProblemText(roll.problem, inEnglish, "en");
  };

  it("say why a file cannot be read, with its row and what its header reads", () => {
    expect(fileProblem("")).toBe("The file is empty.");
    expect(fileProblem('email\n"ada@example.org\n')).toBe("The quote opened on row 2 is never closed.");
    expect(fileProblem("name,phone\nAda,1\n")).toBe(
      "Row 1 must be a header naming an “email” column, an “externalId” column, or both. It reads: “name” and “phone”.",
    );
    expect(fileProblem("email,Email\nada@example.org,x\n")).toBe(
      "The header names the “email” column twice; keep one.",
    );
  });

  it("say what is wrong with a row, for every reason the API or the import gives", () => {
    // Every reason there is: the type says so, and the console's key for each is checked by tsc too.
    const problems: RowProblem[] = [
      "invalid-email",
      "both-identifiers",
      "no-identifier",
      "invalid-external-id",
      "unknown-language",
      "too-long",
      "invalid-weight",
      "conflicting-weight",
      "weight-already-set",
    ];
    const texts = problems.map((problem) => rowProblemText(problem, inEnglish, "en"));
    for (const text of texts) expect(text).not.toMatch(/rollImport|^[a-z-]+$/);
    expect(texts[4]).toBe("The language must be one of en, es, fr, de, or ar.");
    expect(texts[5]).toBe("A value is longer than 320 characters.");
    expect(texts[6]).toBe("A weight is a whole number from 1 to 1,000,000.");
  });
});
