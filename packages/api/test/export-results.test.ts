import { describe, expect, it } from "vitest";
import { csvField, type ExportElection, type RecountForExport, resultsCsv, resultsFileName, resultsJson } from "../src/client/index";

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
    chair: { winner: "bob", abstentions: 1, rounds: [{ round: 1, tallies: { amara: 0, bob: 2 }, exhausted: 0, eliminated: [] }] },
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
    expect(optionRows).toEqual(["chair#amara,chair,Who should chair the board?,amara,Amara Okonkwo,0", 'chair#bob,chair,Who should chair the board?,bob,"Smith, Robert ""Bob""",2']);
  });

  it("has the turnout, the held ballots and the abstentions", () => {
    expect(lines).toContain("__turnout,,,,Ballots counted (turnout),3");
    expect(lines).toContain("__quarantined,,,,Held for review (not counted),1");
    expect(lines).toContain("chair#__abstain,chair,Who should chair the board?,,Abstained,1");
    expect(lines).toHaveLength(1 + 2 + 2 + 1);
  });
});

describe("csvField", () => {
  it("quotes only what needs quoting", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField(12)).toBe("12");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });
});

describe("resultsJson", () => {
  it("carries the figures by question and the instant-runoff rounds with the winner's label", () => {
    const json = JSON.parse(resultsJson(election, recount, new Date("2025-03-30T07:00:00Z")));
    expect(json.turnout).toBe(3);
    expect(json.questions[0].options).toEqual([
      { id: "amara", label: "Amara Okonkwo", votes: 0 },
      { id: "bob", label: 'Smith, Robert "Bob"', votes: 2 },
    ]);
    expect(json.questions[0].abstentions).toBe(1);
    expect(json.questions[0].instantRunoff.winner).toEqual({ id: "bob", label: 'Smith, Robert "Bob"' });
    expect(json.questions[0].instantRunoff.rounds).toHaveLength(1);
  });
});

describe("resultsFileName", () => {
  it("names the file after the election and the day of the recount", () => {
    expect(resultsFileName({ title: "Harbour Board, 2025!" }, new Date("2025-03-30T07:00:00Z"), "csv")).toBe("harbour-board-2025-results-2025-03-30.csv");
  });
});
