import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BALLOT_FILE_FORMAT, readBallotFile } from "../src/lib/ballot-file";

/** Ballot files with texts in several languages, read and checked before anything is sent (no deployment needed). */
const dir = mkdtempSync(join(tmpdir(), "ballot-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ballot = {
  title: "Night ferry",
  language: "en",
  questions: [
    {
      id: "ferry",
      kind: "single",
      prompt: "Keep the night ferry?",
      options: [
        { id: "yes", label: "Yes" },
        { id: "no", label: "No" },
      ],
    },
  ],
  translations: {
    es: {
      title: "Ferry nocturno",
      questions: { ferry: { prompt: "¿Mantener el ferry nocturno?", options: { yes: "Sí" } } },
    },
    ar: { title: "عبّارة الليل" },
  },
};

/** Writes the file; `at` finds the line and column (from 1) of the first occurrence of a piece of its text. */
function written(name: string, value: unknown) {
  const text = JSON.stringify(value, null, 2);
  const path = join(dir, name);
  writeFileSync(path, text);
  const at = (piece: string) => {
    const before = text.slice(0, text.indexOf(piece));
    return `${before.split("\n").length}:${before.length - before.lastIndexOf("\n")}`;
  };
  return { path, at };
}

const problem = (path: string) =>
  readBallotFile(path).then(
    () => "",
    (error: Error) => error.message,
  );

describe("a ballot file with translations", () => {
  it("is read with its language and translations", async () => {
    const { path } = written("translated.json", ballot);
    expect(await readBallotFile(path)).toMatchObject({ language: "en", translations: ballot.translations });
  });

  it("names a translation of a question or option the file does not have, or in the file's own language, at its line and column", async () => {
    const unknownOption = written("unknown-option.json", {
      ...ballot,
      translations: { es: { questions: { ferry: { options: { maybe: "Quizás" } } } } },
    });
    expect(await problem(unknownOption.path)).toBe(
      `${unknownOption.path}:${unknownOption.at('"Quizás"')}: translations.es.questions.ferry.options.maybe: The translation into "es" names the option "maybe" of the question "ferry", which that question does not offer.`,
    );
    const unknownQuestion = written("unknown-question.json", {
      ...ballot,
      translations: { "pt-BR": { questions: { ferries: { prompt: "Manter a balsa?" } } } },
    });
    expect(await problem(unknownQuestion.path)).toBe(
      `${unknownQuestion.path}:${unknownQuestion.at('{\n          "prompt": "Manter')}: translations["pt-BR"].questions.ferries: The translation into "pt-BR" names the question "ferries", which the election does not ask.`,
    );
    const ownLanguage = written("own-language.json", { ...ballot, language: "ar" });
    expect(await problem(ownLanguage.path)).toBe(
      `${ownLanguage.path}:${ownLanguage.at('{\n      "title": "عبّارة')}: translations.ar: The translation into "ar" is in the election's own language: write those texts in the election itself.`,
    );
  });

  it("names a language tag that is not one, and a translated text that breaks the rules of the text it translates", async () => {
    const badTag = written("bad-tag.json", { ...ballot, translations: { es_MX: { title: "Ferry" } } });
    expect(await problem(badTag.path)).toBe(
      `${badTag.path}:${badTag.at('{\n      "title": "Ferry"')}: translations.es_MX: The language "es_MX" is not a BCP 47 language tag (such as "en", "es", "pt-BR" or "zh-Hant").`,
    );
    const lowerCase = written("lower-case.json", { ...ballot, language: "EN" });
    expect(await problem(lowerCase.path)).toBe(
      `${lowerCase.path}:${lowerCase.at('"EN"')}: language: Write the language tag "EN" as "en".`,
    );
    const control = written("control.json", {
      ...ballot,
      translations: { es: { questions: { ferry: { options: { no: "No\u001b[2J" } } } } },
    });
    expect(await problem(control.path)).toBe(
      `${control.path}:${control.at('"No\\u001b')}: translations.es.questions.ferry.options.no: The option label must not contain control, line-break or text-direction characters: it has U+001B at character 3.`,
    );
    const unknownField = written("unknown-field.json", { ...ballot, translations: { es: { prompt: "¿Ferry?" } } });
    expect(await problem(unknownField.path)).toBe(
      `${unknownField.path}:${unknownField.at('"¿Ferry?"')}: translations.es.prompt: Unrecognized key: "prompt".`,
    );
  });

  it("is described in the help text", () => {
    expect(BALLOT_FILE_FORMAT).toMatch(/"language" is the BCP 47 tag/);
    expect(BALLOT_FILE_FORMAT).toMatch(/"translations" holds the same texts in other languages/);
  });
});
