import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BALLOT_FILE_FORMAT, readBallotFile } from "../src/lib/ballot-file";
import { choiceRule, optionOrderWords } from "../src/lib/elections";

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

describe("a score question in a ballot file", () => {
  const scored = (extra: object, kind = "score") => ({
    title: "Capital",
    questions: [
      {
        id: "capital",
        kind,
        prompt: "Score each city as the capital",
        options: [
          { id: "nashville", label: "Nashville" },
          { id: "memphis", label: "Memphis" },
          { id: "knoxville", label: "Knoxville" },
        ],
        ...extra,
      },
    ],
  });

  it("is read with its range and counting method, or without them (0 to 5, score voting)", async () => {
    const star = written(
      "star.json",
      scored({ scoreRange: { min: 1, max: 10 }, counting: { method: "star", seats: 1 } }),
    );
    expect((await readBallotFile(star.path)).questions[0]).toMatchObject({
      kind: "score",
      scoreRange: { min: 1, max: 10 },
      counting: { method: "star", seats: 1 },
    });
    const plain = written("plain-score.json", scored({ counting: { method: "score", seats: 2 } }));
    const question = (await readBallotFile(plain.path)).questions[0]!;
    expect(question).toMatchObject({ kind: "score", counting: { method: "score", seats: 2 } });
    expect(question.scoreRange).toBeUndefined();
  });

  it("names a range that is not one in plain words, at its line and column", async () => {
    const cases: Array<[name: string, extra: object, piece: string, field: string, message: string]> = [
      [
        "too-high",
        { scoreRange: { min: 0, max: 11 } },
        "11",
        "max",
        "must be a whole number from 1 to 10 (the highest score)",
      ],
      [
        "fraction",
        { scoreRange: { min: 0, max: 4.5 } },
        "4.5",
        "max",
        "must be a whole number from 1 to 10 (the highest score)",
      ],
      ["low-two", { scoreRange: { min: 2, max: 5 } }, "2", "min", "must be 0 or 1 (the lowest score)"],
      ["text", { scoreRange: { min: "0", max: 5 } }, '"0"', "min", "must be 0 or 1 (the lowest score)"],
      [
        "no-max",
        { scoreRange: { min: 1 } },
        '{\n        "min": 1',
        "max",
        "missing (the highest score: a whole number from 1 to 10)",
      ],
      ["step", { scoreRange: { min: 0, max: 5, step: 1 } }, "1\n", "step", 'a score range has only "min" and "max"'],
    ];
    // Each piece occurs first where the mistake is (the file has no other digits).
    for (const [name, extra, piece, field, message] of cases) {
      const file = written(`${name}.json`, scored(extra));
      expect(await problem(file.path), name).toBe(
        `${file.path}:${file.at(piece)}: questions[0].scoreRange.${field}: ${message}.`,
      );
    }
    const same = written("same.json", scored({ scoreRange: { min: 1, max: 1 } }));
    expect(await problem(same.path)).toBe(
      `${same.path}:${same.at('{\n        "min": 1')}: questions[0].scoreRange: the lowest score must be below the highest.`,
    );
    const notObject = written("range-text.json", scored({ scoreRange: "0-5" }));
    expect(await problem(notObject.path)).toBe(
      `${notObject.path}:${notObject.at('"0-5"')}: questions[0].scoreRange: must be the lowest and the highest score, as { "min": 0, "max": 5 } (the lowest 0 or 1, the highest up to 10).`,
    );
  });

  it("refuses a range on another kind of question, and a method that cannot count scores", async () => {
    const ranked = written("ranked-range.json", scored({ scoreRange: { min: 0, max: 5 } }, "ranked"));
    expect(await problem(ranked.path)).toBe(
      `${ranked.path}:${ranked.at('{\n        "min": 0')}: questions[0].scoreRange: only score questions have a score range.`,
    );
    const twoSeats = written("star-seats.json", scored({ counting: { method: "star", seats: 2 } }));
    expect(await problem(twoSeats.path)).toBe(
      `${twoSeats.path}:${twoSeats.at('{\n        "method"')}: questions[0].counting: star fills one seat.`,
    );
    const plurality = written("plurality-scores.json", scored({ counting: { method: "plurality", seats: 1 } }));
    expect(await problem(plurality.path)).toMatch(
      /questions\[0\]\.counting: plurality counts single questions, not score ones\.$/,
    );
  });

  it("is described in the help text, and by `elections show` with its range", () => {
    expect(BALLOT_FILE_FORMAT).toMatch(/"kind": "single", "multi", "ranked" or "score"/);
    expect(BALLOT_FILE_FORMAT).toMatch(/"scoreRange": \{ "min", "max" \}/);
    expect(BALLOT_FILE_FORMAT).toMatch(/\{ "method": "star", "seats": 1 \} \(STAR voting\)/);
    expect(choiceRule({ kind: "score", minChoices: 1, maxChoices: 1 })).toBe("score each option 0 to 5");
    expect(choiceRule({ kind: "score", minChoices: 1, maxChoices: 1, scoreRange: { min: 1, max: 10 } })).toBe(
      "score each option 1 to 10",
    );
    expect(choiceRule({ kind: "ranked", minChoices: 1, maxChoices: 3 })).toBe("rank 1 to 3");
  });
});

describe("the order of the options on each ballot in a ballot file", () => {
  const { translations: _, ...plain } = ballot;

  it("is read as written, and left out when the file says nothing (the API's default: as listed)", async () => {
    for (const optionOrder of ["as-listed", "rotated", "shuffled"] as const) {
      const { path } = written(`order-${optionOrder}.json`, { ...plain, optionOrder });
      expect(await readBallotFile(path), optionOrder).toMatchObject({ optionOrder });
    }
    const { path } = written("order-unsaid.json", plain);
    expect(await readBallotFile(path)).not.toHaveProperty("optionOrder");
  });

  it("names an order it does not know at its line and column, with the words it takes", async () => {
    const { path, at } = written("order-unknown.json", { ...plain, optionOrder: "random" });
    expect(await problem(path)).toBe(
      `${path}:${at('"random"')}: optionOrder: must be one of "as-listed", "rotated" or "shuffled".`,
    );
    const { path: numbered, at: numberedAt } = written("order-number.json", { optionOrder: 2, ...plain });
    expect(await problem(numbered)).toBe(
      `${numbered}:${numberedAt("2,")}: optionOrder: must be one of "as-listed", "rotated" or "shuffled".`,
    );
  });

  it("is described in the help text, and by `elections show` in words only when drawn for each voter", () => {
    expect(BALLOT_FILE_FORMAT).toMatch(/"optionOrder"/);
    expect(BALLOT_FILE_FORMAT).toMatch(/"as-listed", the default/);
    expect(BALLOT_FILE_FORMAT).toMatch(/"rotated" starts each voter's list at an option drawn for them/);
    expect(BALLOT_FILE_FORMAT).toMatch(/"shuffled" gives each voter a random order of their own/);
    expect(optionOrderWords(undefined)).toBeUndefined();
    expect(optionOrderWords("as-listed")).toBeUndefined();
    expect(optionOrderWords("rotated")).toBe(
      "rotated: each voter's ballot starts at an option drawn for them and wraps around",
    );
    expect(optionOrderWords("shuffled")).toBe(
      "shuffled: each voter's ballot lists the options in a random order of their own",
    );
    // A rule newer than this CLI still shows, as its word.
    expect(optionOrderWords("alphabetical" as "rotated")).toBe("alphabetical");
  });
});
