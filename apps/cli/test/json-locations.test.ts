import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readBallotFile } from "../src/lib/ballot-file";
import { formatPath, scanJson } from "../src/lib/json-locations";

/** The first syntax error as a person reads it: `line:column message`. */
const firstError = (text: string) => {
  const { error } = scanJson(text);
  return error && `${error.line}:${error.column} ${error.message}`;
};

describe("scanJson: the first syntax error, where it is and what was expected", () => {
  it.each([
    ['{"a":1,}', "1:8 a comma cannot come before '}' (remove it)"],
    ["[1,]", "1:4 a comma cannot come before ']' (remove it)"],
    ['{\n  "a": [1,\n\n  ]\n}', "4:3 a comma cannot come before ']' (remove it)"],
    ["{,}", "1:2 expected a property name in double quotes, found ','"],
    ['{"a":1,,"b":2}', "1:8 expected a property name in double quotes, found ','"],
    ["{a:1}", "1:2 expected a property name in double quotes, found 'a'"],
    ["{'a':1}", "1:2 expected a property name in double quotes, found a single quote (JSON takes double quotes)"],
    ['{"a" 1}', "1:6 expected ':' after the property name, found '1'"],
    ['{"a":1,"b"}', "1:11 expected ':' after the property name, found '}'"],
    ['{"a" : }', "1:8 expected a value, found '}'"],
    ['{"a":1 "b":2}', `1:8 expected ',' or '}' after the value of "a", found '"'`],
    ['{"a":{"b":1]}', `1:12 expected ',' or '}' after the value of "b", found ']'`],
    ['{"a":[1,2}', "1:10 expected ',' or ']' after an item, found '}'"],
    ["[1 2]", "1:4 expected ',' or ']' after an item, found '2'"],
    ["[,1]", "1:2 expected a value, found ','"],
    ["[1,,2]", "1:4 expected a value, found ','"],
    ['{"a":01}', `1:7 expected ',' or '}' after the value of "a", found '1'`],
    ['{"a":tru}', "1:6 expected a value, found 't'"],
    ['{"a":NaN}', "1:6 expected a value, found 'N'"],
    ['{"a":+1}', "1:6 expected a value, found '+'"],
    ['{"a":1.}', "1:6 '1.' is not a number JSON knows (digits must follow '.' and 'e')"],
    ['{"a":1e}', "1:6 '1e' is not a number JSON knows (digits must follow '.' and 'e')"],
    ["", "1:1 expected a value, found the end of the file"],
    ["\n\n", "3:1 expected a value, found the end of the file"],
    ["{", "1:2 expected a property name in double quotes, found the end of the file"],
    ["[", "1:2 expected a value, found the end of the file"],
    ['{"a":1', `1:7 expected ',' or '}' after the value of "a", found the end of the file`],
    ['{"a":[1', "1:8 expected ',' or ']' after an item, found the end of the file"],
    ["{} x", "1:4 expected the end of the file after the document, found 'x'"],
    ['{"a":1}{}', "1:8 expected the end of the file after the document, found '{'"],
    ['{"a":1}\r\n  x', "2:3 expected the end of the file after the document, found 'x'"],
    ["{}\u00a0", "1:3 expected the end of the file after the document, found the character U+00A0"],
    // Columns count UTF-16 code units, as editors do: the emoji takes two.
    ['{"😀":1 x}', `1:9 expected ',' or '}' after the value of "😀", found 'x'`],
  ])("%j: %s", (text, expected) => {
    expect(firstError(text)).toBe(expected);
  });

  it.each([
    ['{"a":"x\ny"}', "1:8 a string cannot hold a line break or control character (write \\n)"],
    ['{"a":"a\tb"}', "1:8 a string cannot hold a line break or control character (write \\n)"],
    ['{"a":"x', "1:6 this string is never closed"],
    ['{"a":"ok\\n\\q"}', "1:11 '\\q' is not an escape JSON knows"],
    ['{"a":"\\u12"}', "1:7 '\\u' is not an escape JSON knows"],
    ['{"a\\x":1}', "1:4 '\\x' is not an escape JSON knows"],
  ])("in a string, %j: %s", (text, expected) => {
    expect(firstError(text)).toBe(expected);
  });

  it("takes strict JSON only, as JSON.parse does: comments and trailing commas are errors", () => {
    expect(firstError('{"a":1} // the end')).toBe("1:9 JSON cannot hold comments (remove it)");
    expect(firstError('/* a ballot */ {"a":1}')).toBe("1:1 JSON cannot hold comments (remove it)");
    expect(firstError('{\n  "a": 1, // one\n  "b": 2\n}')).toBe("2:11 JSON cannot hold comments (remove it)");
    expect(firstError('{\r\n  "a": 1,\r\n}')).toBe("3:1 a comma cannot come before '}' (remove it)");
  });

  it("finds no error where JSON.parse finds none", () => {
    for (const text of [
      "{}",
      "[]",
      '"x"',
      "1",
      "  true  ",
      "-0.5e+3",
      '{"a":"\\u00e9\\"\\\\\\/\\b\\f\\n\\r\\t","b":[null,false,{}]}',
      '{"a":"\u2028"}',
      '\n{\r\n\t"a" : [ 1 , 2 ]\r\n}\n',
    ]) {
      expect((): unknown => JSON.parse(text)).not.toThrow();
      expect(scanJson(text).error, text).toBeUndefined();
    }
  });
});

describe("scanJson: where each value starts", () => {
  const text = JSON.stringify(
    {
      title: "Night ferry",
      questions: [{ id: "ferry", options: [{ id: "yes" }, { id: "no", label: "No" }] }],
      "odd key": 1,
    },
    null,
    2,
  );
  const { error, positionOf } = scanJson(text);
  const lineAndColumn = (path: Array<string | number>) => {
    const { line, column, offset } = positionOf(path);
    return [line, column, offset];
  };
  /** The position as an editor counts it, found by hand in the text. */
  const expectedAt = (needle: string, from = 0) => {
    const offset = text.indexOf(needle, from);
    const before = text.slice(0, offset);
    return [before.split("\n").length, offset - before.lastIndexOf("\n"), offset];
  };

  it("gives each value's line and column by its path", () => {
    expect(error).toBeUndefined();
    expect(lineAndColumn([])).toEqual([1, 1, 0]);
    expect(lineAndColumn(["title"])).toEqual(expectedAt('"Night ferry"'));
    expect(lineAndColumn(["questions", 0, "options", 1, "label"])).toEqual(expectedAt('"No"'));
    expect(lineAndColumn(["questions", 0, "options", 1])).toEqual(expectedAt("{", text.indexOf('"yes"')));
    expect(lineAndColumn(["odd key"])).toEqual(expectedAt("1\n}"));
  });

  it("points a path the document lacks at its nearest ancestor: a missing field at the object that lacks it", () => {
    expect(lineAndColumn(["questions", 0, "prompt"])).toEqual(lineAndColumn(["questions", 0]));
    expect(lineAndColumn(["questions", 0, "options", 7, "id"])).toEqual(lineAndColumn(["questions", 0, "options"]));
    expect(lineAndColumn(["description"])).toEqual([1, 1, 0]);
    // An index is not a key: "0" names a property, 0 an item.
    expect(lineAndColumn(["questions", "0"])).toEqual(lineAndColumn(["questions"]));
  });
});

describe("formatPath", () => {
  it.each([
    [[], "(the top)"],
    [["title"], "title"],
    [["questions", 1, "options", 0, "id"], "questions[1].options[0].id"],
    [["answers", "council-chair"], 'answers["council-chair"]'],
    [[0, "a"], "[0].a"],
  ])("%j is %s", (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});

describe("readBallotFile: one line naming the file, line, column and field", () => {
  const dir = mkdtempSync(join(tmpdir(), "landslide-ballot-file-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const ballot = {
    title: "Night ferry",
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
  };
  const failure = async (path: string) => {
    const error = await readBallotFile(path).then(
      () => undefined,
      (thrown: unknown) => thrown as { message: string; oclif?: { exit?: number } },
    );
    expect(error?.oclif?.exit).toBe(2);
    return error?.message;
  };

  it("reads a good file, with or without a byte order mark", async () => {
    await expect(readBallotFile(file("good.json", JSON.stringify(ballot, null, 2)))).resolves.toMatchObject({
      title: "Night ferry",
    });
    await expect(readBallotFile(file("bom.json", `\uFEFF${JSON.stringify(ballot)}`))).resolves.toMatchObject({
      title: "Night ferry",
    });
  });

  it("names a syntax error's line and column", async () => {
    const text = JSON.stringify(ballot, null, 2).replace('"Yes"\n', '"Yes",\n');
    const path = file("trailing-comma.json", text);
    expect(await failure(path)).toBe(`${path}:12:9: not valid JSON: a comma cannot come before '}' (remove it).`);
    const commented = file("commented.json", `// the ferry vote\n${JSON.stringify(ballot)}`);
    expect(await failure(commented)).toBe(`${commented}:1:1: not valid JSON: JSON cannot hold comments (remove it).`);
    const empty = file("empty.json", "");
    expect(await failure(empty)).toBe(`${empty}:1:1: not valid JSON: expected a value, found the end of the file.`);
  });

  it("names a bad field at its value, an unknown field by itself, and a missing one at the object that lacks it", async () => {
    const badId = JSON.stringify(
      {
        ...ballot,
        questions: [
          {
            ...ballot.questions[0],
            options: [
              { id: "Yes!", label: "Yes" },
              { id: "no", label: "No" },
            ],
          },
        ],
      },
      null,
      2,
    );
    const badPath = file("bad-id.json", badId);
    expect(await failure(badPath)).toMatch(
      new RegExp(
        `^${escape(badPath)}:10:17: questions\\[0\\]\\.options\\[0\\]\\.id: Invalid string: must match pattern`,
      ),
    );

    const unknown = file("unknown.json", JSON.stringify({ ...ballot, colour: "blue" }, null, 2));
    expect(await failure(unknown)).toBe(`${unknown}:20:13: colour: Unrecognized key: "colour".`);

    const { prompt: _prompt, ...withoutPrompt } = ballot.questions[0]!;
    const missing = file("missing.json", JSON.stringify({ ...ballot, questions: [withoutPrompt] }, null, 2));
    expect(await failure(missing)).toBe(`${missing}:4:5: questions[0].prompt: missing (expected string).`);

    const policy = file("policy.json", JSON.stringify({ ...ballot, passkeyPolicy: "sometimes" }, null, 2));
    expect(await failure(policy)).toBe(
      `${policy}:20:20: passkeyPolicy: must be one of "optional", "review-without" or "required".`,
    );
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
