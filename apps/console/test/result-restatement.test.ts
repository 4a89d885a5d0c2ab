import { describe, expect, it } from "vitest";
import { inEnglish } from "../i18n/english";
import { englishUiText } from "@landslide/ui/ui-text";
import { listed, restateResult } from "../app/[locale]/elections/[id]/result-restatement";

const election = {
  id: "e",
  title: "Harbour",
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
    {
      id: "chair",
      kind: "ranked",
      prompt: "Rank the candidates",
      options: [
        { id: "ines", label: "Ines" },
        { id: "tomas", label: "Tomas" },
      ],
    },
  ],
};

const recount = (counters: Record<string, number>, rounds: Parameters<typeof restateResult>[1]["instantRunoff"]) => ({
  votesRead: 20,
  counters,
  instantRunoff: rounds,
  differences: [],
});

describe("the result restated before certifying", () => {
  it("names a 10–10 tie on a single-choice question as not broken, and asks for it to be acknowledged", () => {
    const result = restateResult(
      election,
      recount({ __turnout: 20, "ferry#yes": 10, "ferry#no": 10 }, {}),
      englishUiText,
      inEnglish,
    );
    const ferry = result.questions[0]!;
    expect(ferry.outcome).toEqual({ kind: "tie", labels: ["Yes", "No"], votes: 10 });
    expect(ferry.sentence).toBe("Tie: Yes and No have 10 votes each (50.0%); no single option has the most votes.");
    expect(ferry.options.map((o) => o.share)).toEqual(["50.0%", "50.0%"]);
    expect(result.unresolvedTies.map((q) => q.id)).toEqual(["ferry"]);
  });

  it("gives the winner and shares when one option leads; missing counters are zero", () => {
    const result = restateResult(
      election,
      recount({ __turnout: 3, "ferry#yes": 2, "ferry#no": 1 }, {}),
      englishUiText,
      inEnglish,
    );
    expect(result.turnout).toBe(3);
    expect(result.questions[0]!.sentence).toBe("Winner: Yes, 2 votes (66.7%).");
    expect(result.questions[0]!.options.map((o) => o.share)).toEqual(["66.7%", "33.3%"]);
    expect(result.unresolvedTies).toEqual([]);
  });

  it("says how the instant runoff broke a tie, in labels, not ids", () => {
    const result = restateResult(
      election,
      recount(
        { __turnout: 2, "chair#ines": 1, "chair#tomas": 1 },
        {
          chair: {
            winner: "ines",
            abstentions: 0,
            rounds: [
              {
                round: 1,
                tallies: { ines: 1, tomas: 1 },
                exhausted: 0,
                eliminated: ["tomas"],
                tieBreak: "Tie for fewest votes in every round: tomas comes last in the ballot order.",
              },
              { round: 2, tallies: { ines: 2 }, exhausted: 0, eliminated: [] },
            ],
          },
        },
      ),
      englishUiText,
      inEnglish,
    );
    const chair = result.questions[1]!;
    expect(chair.outcome).toMatchObject({ kind: "runoff", winner: "Ines", rounds: 2 });
    expect(chair.outcome.kind === "runoff" && chair.outcome.tieBreaks).toEqual([
      "Round 1: Ines and Tomas tied for fewest votes (1 vote each); Tomas was eliminated because they were equal in every round and it comes last in the ballot's order.",
    ]);
    expect(chair.sentence).toBe(
      "Elected by instant runoff: Ines, after 2 rounds; one tie was broken by the published rule.",
    );
    // A broken tie is not one the official must acknowledge (and the ferry question has no votes at all).
    expect(result.questions[0]!.outcome).toEqual({ kind: "no-votes" });
    expect(result.unresolvedTies).toEqual([]);
  });

  it("cites the earlier round that broke a tie", () => {
    const result = restateResult(
      election,
      recount(
        {},
        {
          chair: {
            winner: "ines",
            abstentions: 0,
            rounds: [
              {
                round: 3,
                tallies: { ines: 4, tomas: 4 },
                exhausted: 0,
                eliminated: ["tomas"],
                tieBreak: "Tie for fewest votes broken by round 2, where tomas had the fewest.",
              },
            ],
          },
        },
      ),
      englishUiText,
      inEnglish,
    );
    const chair = result.questions[1]!;
    expect(chair.outcome.kind === "runoff" && chair.outcome.tieBreaks[0]).toMatch(
      /Tomas was eliminated because it had fewer votes in round 2\.$/,
    );
  });

  it("restates a two-seat count by another method from that count, never from the one-winner runoff view", () => {
    const board = {
      ...election,
      questions: [
        {
          ...election.questions[1]!,
          options: [...election.questions[1]!.options, { id: "wen", label: "Wen" }],
        },
      ],
    };
    const result = restateResult(
      board,
      {
        ...recount(
          { __turnout: 5, "chair#ines": 3, "chair#tomas": 1, "chair#wen": 1 },
          {
            // What the runoff view alone would say: one winner.
            chair: {
              winner: "ines",
              abstentions: 0,
              rounds: [{ round: 1, tallies: { ines: 3, tomas: 1, wen: 1 }, exhausted: 0, eliminated: [] }],
            },
          },
        ),
        counts: {
          chair: {
            method: "stv-scottish",
            seats: 2,
            winners: ["ines", "wen"],
            rounds: [{ round: 1, tallies: { ines: 3, tomas: 1, wen: 1 }, elected: ["ines"], eliminated: [] }],
            tieBreaks: [
              {
                round: 2,
                deciding: "elimination",
                between: ["tomas", "wen"],
                chosen: ["tomas"],
                rule: "lot",
                explanation: "Tie between tomas and wen for elimination: tomas drawn by lot.",
              },
            ],
            abstentions: 0,
          },
        },
      },
      englishUiText,
      inEnglish,
    );
    const chair = result.questions[0]!;
    expect(chair.outcome).toMatchObject({ kind: "elected", winners: ["Ines", "Wen"], seats: 2 });
    expect(chair.sentence).toBe(
      "Counting method: Single transferable vote (Scottish rules). Elected: Ines and Wen; 2 of 2 seats filled; one tie was settled by the election's tie rule.",
    );
    // A tie settled by the declared rule is no tie left for the official to acknowledge.
    expect(result.unresolvedTies).toEqual([]);
  });

  it("lists names as a sentence does", () => {
    expect(listed(["A"], "en-GB")).toBe("A");
    expect(listed(["A", "B", "C"], "en-GB")).toBe("A, B and C");
    expect(listed(["A", "B", "C"], "es")).toBe("A, B y C");
  });
});
