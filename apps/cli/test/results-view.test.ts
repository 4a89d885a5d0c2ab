import { describe, expect, it } from "vitest";
import type { ResultsSnapshot } from "@landslide/vote-engine";
import { leadLine, questionStandings, scoreStandings, withStandings } from "../src/lib/results-standings";
import { resultsTable } from "../src/lib/results-view";

const question = (
  id: string,
  kind: "single" | "multi" | "ranked",
  votes: Record<string, number>,
  abstentions = 0,
): ResultsSnapshot["questions"][number] => ({
  id,
  kind,
  prompt: `${id}?`,
  counts: kind === "ranked" ? "first-preferences" : "choices",
  abstentions,
  options: Object.entries(votes).map(([label, n]) => ({ id: label.toLowerCase(), label, votes: n })),
});

const snapshot = (questions: ResultsSnapshot["questions"], turnout: number): ResultsSnapshot => ({
  electionId: "7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
  version: 12,
  asOf: "2026-05-01T08:00:12.000Z",
  turnout,
  quarantined: 0,
  questions,
});

describe("the results table", () => {
  it("gives each option its share of the votes for options and names the leader under the table", () => {
    const text = resultsTable(snapshot([question("mascot", "single", { Otter: 6, Heron: 2 }, 2)], 10), {
      title: "City vote",
      status: "open",
    });
    expect(text).toMatch(/^10 ballots counted, 0 held for review/m);
    expect(text).toMatch(/^ {2}Otter +6 +75\.0%$/m);
    expect(text).toMatch(/^ {2}Heron +2 +25\.0%$/m);
    // Abstentions are no option's share.
    expect(text).toMatch(/^ {2}Abstained +2 +—$/m);
    expect(text).toMatch(/^ {2}Leading: Otter, 6 votes \(75\.0%\)\.$/m);
  });

  it("with a weighted roll, says the votes the ballots carry and takes multi-choice shares of them", () => {
    const weighted = {
      ...snapshot([question("projects", "multi", { Pier: 42, Market: 30 })], 2),
      weightedVotes: 42,
    };
    const text = resultsTable(weighted, { title: "Union congress", status: "open" });
    expect(text).toMatch(/^2 ballots counted \(42 votes by the roll's weights\), 0 held for review/m);
    expect(text).toMatch(/^ {2}Pier +42 +100\.0%$/m);
    expect(text).toMatch(/^ {2}Market +30 +71\.4%$/m);
  });

  it("flags a tie in words, and says one ballot in the singular", () => {
    const text = resultsTable(snapshot([question("mascot", "single", { Otter: 1, Heron: 1 })], 1), undefined);
    expect(text).toMatch(/^1 ballot counted/m);
    expect(text).toMatch(/^ {2}Tied for the lead: Otter and Heron, 1 vote each \(50\.0%\)\.$/m);
  });

  it("names the winner only once the result is certified, and a ranked lead as first preferences", () => {
    const certified = resultsTable(snapshot([question("mascot", "single", { Otter: 3, Heron: 1 })], 4), {
      title: "City vote",
      status: "certified",
    });
    expect(certified).toMatch(/^ {2}Winner: Otter, 3 votes \(75\.0%\)\.$/m);
    const ranked = questionStandings(question("chair", "ranked", { Ada: 2, Wen: 1 }), 3);
    expect(leadLine("ranked", ranked, "live")).toBe("Leading on first preferences: Ada, 2 votes (66.7%).");
  });

  it("takes a multi-choice share of the ballots that answered, so shares may add past 100%", () => {
    const s = questionStandings(question("parks", "multi", { North: 4, South: 3 }, 1), 5);
    expect(s.options.map((o) => o.share)).toEqual([1, 0.75]);
  });

  it("says so before any vote, with no share to take", () => {
    const text = resultsTable(snapshot([question("mascot", "single", { Otter: 0 })], 0), undefined);
    expect(text).toMatch(/^ {2}Otter +0 +—$/m);
    expect(text).toMatch(/^ {2}No votes for any option yet\.$/m);
  });
});

/** A score question: each option's `votes` is its total score (score × weight, summed). */
const scoreQuestion = (
  totals: Record<string, number>,
  abstentions = 0,
  scoreRange?: { min: number; max: number },
): ResultsSnapshot["questions"][number] => ({
  id: "capital",
  kind: "score",
  prompt: "Score each city as the capital",
  counts: "scores",
  ...(scoreRange ? { scoreRange } : {}),
  abstentions,
  options: Object.entries(totals).map(([label, votes]) => ({ id: label.toLowerCase(), label, votes })),
});

describe("a score question's results", () => {
  // Wikipedia's Tennessee example, 100 voters scoring 0 to 5 (the engine's STAR test), and 4 abstaining.
  const tennessee = { Memphis: 210, Nashville: 293, Chattanooga: 237, Knoxville: 156 };

  it("gives each option its average and total score, highest average first, and says the range", () => {
    const text = resultsTable(snapshot([scoreQuestion(tennessee, 4, { min: 0, max: 5 })], 104), {
      title: "Capital",
      status: "open",
    });
    const rows = text.split("\n").slice(text.split("\n").indexOf("Score each city as the capital") + 1);
    expect(rows.slice(0, 7)).toEqual([
      "  OPTION       AVERAGE  TOTAL SCORE",
      "  Nashville        2.9          293",
      "  Chattanooga      2.4          237",
      "  Memphis          2.1          210",
      "  Knoxville        1.6          156",
      "  Highest average: Nashville, 2.9 (293 points).",
      "  Scores run from 0 to 5; each average is over the 100 ballots that scored this question (4 abstained).",
    ]);
    // No share, no "votes": a sum of scores is neither.
    expect(text).not.toMatch(/%|SHARE|VOTES/);
  });

  it("takes averages over the votes of a weighted roll, says a range it was given, and a tie for the highest", () => {
    const weighted = {
      ...snapshot([scoreQuestion({ Pier: 60, Market: 60, Mall: 1 }, 0, { min: 1, max: 10 })], 3),
      weightedVotes: 20,
    };
    const text = resultsTable(weighted, undefined);
    expect(text).toMatch(/^ {2}Pier +3\.0 +60$/m);
    expect(text).toMatch(/^ {2}Mall +0\.1 +1$/m);
    expect(text).toMatch(/^ {2}Tied for the highest average: Pier and Market, 3\.0 each \(60 points\)\.$/m);
    expect(text).toMatch(
      /^ {2}Scores run from 1 to 10; each average is over the 20 votes that scored this question\.$/m,
    );
  });

  it("scores 0 to 5 when the snapshot names no range, and has no average before any ballot", () => {
    const text = resultsTable(snapshot([scoreQuestion({ Nashville: 0, Memphis: 0 })], 0), undefined);
    expect(text).toMatch(/^ {2}Nashville +— +0$/m);
    expect(text).toMatch(/^ {2}No scores yet\.$/m);
    expect(text).toMatch(/^ {2}Scores run from 0 to 5\.$/m);
  });

  it("carries in --json the snapshot's totals and range, with each option's average and no share", () => {
    const doc = withStandings(snapshot([scoreQuestion(tennessee, 4, { min: 0, max: 5 })], 104));
    expect(doc.questions[0]).toMatchObject({
      kind: "score",
      counts: "scores",
      scoreRange: { min: 0, max: 5 },
      abstentions: 4,
      leaders: ["nashville"],
      tied: false,
      // Ballot order, as the snapshot has them.
      options: [
        { id: "memphis", votes: 210, average: 2.1, share: null, leading: false },
        { id: "nashville", votes: 293, average: 2.93, share: null, leading: true },
        { id: "chattanooga", votes: 237, average: 2.37, share: null, leading: false },
        { id: "knoxville", votes: 156, average: 1.56, share: null, leading: false },
      ],
    });
    expect(scoreStandings(scoreQuestion({ A: 0 }), 0).options[0]!.average).toBeNull();
  });
});

describe("--json", () => {
  it("carries each option's share and lead, and each question's leaders and tie", () => {
    const doc = withStandings(snapshot([question("mascot", "single", { Otter: 2, Heron: 2, Crow: 1 })], 5));
    expect(doc.turnout).toBe(5);
    expect(doc.questions[0]).toMatchObject({
      id: "mascot",
      leaders: ["otter", "heron"],
      tied: true,
      options: [
        { id: "otter", votes: 2, share: 0.4, leading: true },
        { id: "heron", votes: 2, share: 0.4, leading: true },
        { id: "crow", votes: 1, share: 0.2, leading: false },
      ],
    });
  });
});
