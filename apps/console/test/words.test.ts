import { readdirSync, readFileSync } from "node:fs";
import { createTranslator } from "next-intl";
import { nestedAtDots } from "@landslide/ui/i18n/message-catalog";
import { describe, expect, it } from "vitest";
import { VOCABULARIES, wordsOf } from "../i18n/words";
import { inEnglish } from "../i18n/english";
import { codesOf, SOURCES } from "../scripts/vocabularies";

/**
 * The API's codes in the console's words: every code of every vocabulary has a label and a help in
 * every language file, under `words.<vocabulary>.<CODE>` exactly as written there, and English's
 * are the API client's own (scripts/write-words.ts writes them: run it when a vocabulary changes).
 */
const folder = new URL("../messages/", import.meta.url);
const files = readdirSync(folder).filter((file) => file.endsWith(".json"));
type Raw = { words?: Record<string, Record<string, { label?: unknown; help?: unknown }>> };
const raw = (file: string) => JSON.parse(readFileSync(new URL(file, folder), "utf8")) as Raw;

describe.each(files)("the words of %s", (file) => {
  const { words } = raw(file);

  it.each(VOCABULARIES)("has a label and a help for every %s code, and for no other", (vocabulary) => {
    const table = words?.[vocabulary] ?? {};
    const codes = codesOf(vocabulary);
    const blank = (value: unknown) => typeof value !== "string" || value.trim() === "";
    expect(
      codes.filter((code) => blank(table[code]?.label) || typeof table[code]?.help !== "string"),
      "missing, or without a label",
    ).toEqual([]);
    expect(
      Object.keys(table).filter((code) => !codes.includes(code)),
      "not a code of the API",
    ).toEqual([]);
  });
});

describe("English's words", () => {
  const { words } = raw("en.json");

  it.each(VOCABULARIES)("are the API client's %s words", (vocabulary) => {
    for (const code of codesOf(vocabulary))
      expect(words?.[vocabulary]?.[code], `${vocabulary}.${code}`).toEqual(SOURCES[vocabulary].words(code));
  });

  it("find codes in every vocabulary, dotted audit actions among them", () => {
    for (const vocabulary of VOCABULARIES) expect(codesOf(vocabulary).length, vocabulary).toBeGreaterThan(2);
    expect(codesOf("auditAction")).toContain("election.create");
    expect(codesOf("refusal")).toContain("ALREADY_VOTED");
  });
});

describe("a code in the page's words", () => {
  it("reads a code's label and help from the messages, dotted codes included", () => {
    expect(wordsOf(inEnglish, "refusal")("ALREADY_VOTED").label).toBe("Already voted");
    expect(wordsOf(inEnglish, "auditAction")("election.create")).toEqual({
      label: "Election created",
      help: "An official created this election as a draft.",
    });
    expect(wordsOf(inEnglish, "electionStatus")("paused").label).toBe("Paused");
  });

  it("labels a code this console does not know from the code itself, as the API's wordsIn does", () => {
    expect(wordsOf(inEnglish, "refusal")("SOMETHING_NEW")).toEqual({ label: "Something new", help: "" });
    expect(wordsOf(inEnglish, "auditAction")("ballot.recast")).toEqual({ label: "Ballot recast", help: "" });
    expect(wordsOf(inEnglish, "holdReason")("")).toEqual({ label: "", help: "" });
  });

  it("says them in the page's language", () => {
    const spanish = JSON.parse(readFileSync(new URL("es.json", folder), "utf8")) as Record<string, unknown>;
    const t = createTranslator({ locale: "es", messages: nestedAtDots(spanish) }) as unknown as typeof inEnglish;
    const said = wordsOf(t, "electionStatus")("open");
    expect(said.label).toBe((spanish as Raw).words?.electionStatus?.open?.label);
  });
});
