import { describe, expect, it } from "vitest";
import { z } from "zod";
import { electionDefinitionSchema, plainText } from "../src/index";

const line = z.string().check(plainText("reason"));
const paragraphs = z.string().check(plainText("description", { lineBreaks: true }));
const messageOf = (schema: z.ZodType, text: string) => {
  const parsed = schema.safeParse(text);
  return parsed.success ? undefined : parsed.error.issues.map((i) => i.message).join("; ");
};

describe("plainText", () => {
  it.each([
    ["\u0000", "U+0000"],
    ["\u0007", "U+0007"],
    ["\t", "U+0009"],
    ["\n", "U+000A"],
    ["\r", "U+000D"],
    ["\u001b[31m", "U+001B"],
    ["\u007f", "U+007F"],
    ["\u0085", "U+0085"],
    ["\u009b", "U+009B"],
    ["\u202a", "U+202A"],
    ["\u202e", "U+202E"],
    ["\u2066", "U+2066"],
    ["\u2069", "U+2069"],
  ])("refuses %j in a one-line field, naming the field and the character", (char, name) => {
    expect(messageOf(line, `ab${char}cd`)).toBe(
      `The reason must not contain control, line-break or text-direction characters: it has ${name} at character 3.`,
    );
  });

  it("lets a description keep its line feeds, and nothing else", () => {
    expect(messageOf(paragraphs, "one\n\ntwo")).toBeUndefined();
    expect(messageOf(paragraphs, "one\r\ntwo")).toBe(
      "The description must not contain control or text-direction characters (line breaks are fine): it has U+000D at character 4.",
    );
    expect(messageOf(paragraphs, "one\u202etwo")).toMatch(/U\+202E/);
  });

  it("accepts every script, punctuation, emoji and the right-to-left marks", () => {
    for (const text of [
      "Ταμείο λιμένα",
      "صندوق الميناء\u200f",
      "港湾委員会",
      "Zoë’s “ferry” — 🚢",
      "= + - @ are fine inside text",
    ])
      expect(messageOf(line, text)).toBeUndefined();
  });

  it("guards every free-text field of an election definition", () => {
    const base = {
      id: "6f1c2d3e-0000-4000-8000-000000000001",
      title: "Ferry",
      questions: [
        {
          id: "q",
          kind: "single",
          prompt: "Keep it?",
          options: [
            { id: "y", label: "Yes" },
            { id: "n", label: "No" },
          ],
        },
      ],
    };
    const pathsOf = (definition: unknown) => {
      const parsed = electionDefinitionSchema.safeParse(definition);
      return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
    };
    expect(pathsOf(base)).toEqual([]);
    expect(pathsOf({ ...base, title: "\u001b]8;;https://evil.example\u0007Ferry" })).toEqual(["title"]);
    expect(pathsOf({ ...base, description: "x\u0000" })).toEqual(["description"]);
    expect(pathsOf({ ...base, questions: [{ ...base.questions[0]!, prompt: "Keep\u202eit?" }] })).toEqual([
      "questions.0.prompt",
    ]);
    expect(
      pathsOf({
        ...base,
        questions: [
          {
            ...base.questions[0]!,
            options: [
              { id: "y", label: "Yes\u0008\u0008\u0008No " },
              { id: "n", label: "No" },
            ],
          },
        ],
      }),
    ).toEqual(["questions.0.options.0.label"]);
  });
});
