import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { barFigures } from "../src/option-votes-chart";
import { QuestionResults } from "../src/results/question-results";
import { RunoffRounds } from "../src/results/runoff-rounds";
import { type RunoffCount, runoffTransfers, transferSentence, winningRound } from "../src/results/runoff-transfers";
import { ballotsWord, leadSentence, leaderMark } from "../src/results/standing-words";
import { standings } from "../src/results/standings";

const option = (id: string, label: string, votes: number) => ({ id, label, votes });
const mascot = {
  id: "mascot",
  kind: "single" as const,
  prompt: "Which animal should be the city's mascot?",
  counts: "choices" as const,
  abstentions: 0,
  options: [option("otter", "Otter", 6), option("heron", "Heron", 2)],
};

describe("what the standings say in words", () => {
  it("names the leader with votes and share while voting goes on, and the winner once final", () => {
    const s = standings(mascot);
    expect(leadSentence({ kind: "single", standings: s, outcome: "live" })).toBe("Leading: Otter, 6 votes (75.0%).");
    expect(leadSentence({ kind: "single", standings: s, outcome: "final" })).toBe("Winner: Otter, 6 votes (75.0%).");
    // Only a winner's mark says so (its badge is green, as in a runoff's rounds); a leader's does not.
    expect(leaderMark({ kind: "single", standings: s, outcome: "final" })).toEqual({ text: "Winner", winner: true });
    expect(leaderMark({ kind: "single", standings: s, outcome: "live" })).toEqual({ text: "Leading", winner: false });
    // A multi-choice question elects no single option; a ranked one is won in its rounds.
    expect(leaderMark({ kind: "multi", standings: s, outcome: "final" })).toEqual({
      text: "Most votes",
      winner: false,
    });
    expect(leadSentence({ kind: "ranked", standings: s, outcome: "live" })).toBe(
      "Leading on first preferences: Otter, 6 votes (75.0%).",
    );
    expect(leadSentence({ kind: "ranked", standings: s, outcome: "final" })).toMatch(/^Most first preferences: Otter/);
  });

  it("flags a tie in words, naming every option in it", () => {
    const s = standings({ kind: "single", abstentions: 0, options: [option("a", "Ada", 3), option("b", "Bo", 3)] });
    expect(leadSentence({ kind: "single", standings: s, outcome: "live" })).toBe(
      "Tied for the lead: Ada and Bo, 3 votes each (50.0%).",
    );
    expect(leadSentence({ kind: "single", standings: s, outcome: "final" })).toBe(
      "Tie: Ada and Bo have 3 votes each (50.0%); no single option has the most votes.",
    );
    expect(leaderMark({ kind: "single", standings: s, outcome: "live" }).text).toBe("Tied for the lead");
    expect(leaderMark({ kind: "single", standings: s, outcome: "final" })).toEqual({
      text: "Tied for most votes",
      winner: false,
    });
  });

  it("says so before any vote, and counts one ballot in the singular", () => {
    const s = standings({ kind: "single", abstentions: 0, options: [option("a", "Ada", 0)] });
    expect(leadSentence({ kind: "single", standings: s, outcome: "live" })).toBe("No votes for any option yet.");
    expect(ballotsWord(1)).toBe("1 ballot");
    expect(ballotsWord(1234)).toBe("1,234 ballots");
  });
});

describe("a bar's figures", () => {
  it("carry the votes, the share and the mark in words", () => {
    expect(barFigures({ label: "Otter", votes: 1, share: 0.25, mark: "Leading" })).toBe("1 vote · 25.0% · Leading");
    expect(barFigures({ label: "Heron", votes: 1234 })).toBe("1,234 votes");
  });
});

// Three candidates, 9 ballots: Wen is eliminated after round 1; 2 of her 3 ballots go to Ines, 1 ranked no one else.
const harbour = [option("ines", "Ines Duarte", 0), option("tomas", "Tomas Berg", 0), option("wen", "Wen Li", 0)];
const count: RunoffCount = {
  winner: "ines",
  rounds: [
    { round: 1, tallies: { ines: 4, tomas: 2, wen: 3 }, exhausted: 0, eliminated: ["tomas"] },
    { round: 2, tallies: { ines: 5, wen: 3 }, exhausted: 1, eliminated: [] },
  ],
};

describe("an instant-runoff count as a flow between rounds", () => {
  it("moves the eliminated option's ballots to the options that gained them, and the rest to no one", () => {
    const [transfer, ...more] = runoffTransfers(harbour, count);
    expect(more).toEqual([]);
    expect(transfer).toEqual({
      afterRound: 1,
      eliminated: { label: "Tomas Berg", votes: 2 },
      to: [{ label: "Ines Duarte", votes: 1 }],
      exhausted: 1,
      tieBroken: false,
    });
    expect(transferSentence(transfer!)).toBe(
      "After round 1, Tomas Berg was eliminated with 2 votes: 1 vote to Ines Duarte, 1 ranked no one still in the count.",
    );
    expect(winningRound(count)).toEqual({ round: 2, votes: 5, of: 8 });
  });

  it("says a tie-break decided, without the engine's option ids", () => {
    const tied = {
      ...count,
      rounds: [{ ...count.rounds[0]!, tieBreak: "Tie for fewest votes: tomas comes last" }, count.rounds[1]!],
    };
    const sentence = transferSentence(runoffTransfers(harbour, tied)[0]!);
    expect(sentence).toContain("tied for fewest votes; the published tie-break rule decided");
    expect(sentence).not.toContain("tomas");
  });
});

describe("the markup", () => {
  it("shows a question's shares in its table and its leader in words", () => {
    const html = renderToStaticMarkup(
      <QuestionResults
        question={mascot}
        ballots={8}
        headingLevel={2}
        headingId="q"
        rankedNote=""
        captionSuffix="votes per option"
        scrolls={false}
        zeroAbstentions="hidden"
      />,
    );
    expect(html).toContain("Leading: Otter, 6 votes (75.0%).");
    expect(html).toMatch(/<th[^>]*>Share<\/th>/);
    expect(html).toContain("75.0%");
    expect(html).toMatch(/Otter <span class="ls-badge ls-tone-info">Leading<\/span>/);
  });

  it("shows the runoff's winner, its rounds and how the votes moved", () => {
    const html = renderToStaticMarkup(
      <RunoffRounds prompt="Harbourmaster" options={harbour} count={count} headingLevel={3} />,
    );
    expect(html).toContain("Elected by instant runoff: <strong>Ines Duarte</strong>");
    expect(html).toContain("Harbourmaster: instant-runoff rounds");
    expect(html).toContain("2 (eliminated)");
    expect(html).toContain("After round 1, Tomas Berg was eliminated");
    expect(html).toContain("In round 2, Ines Duarte had 5 of the 8 votes still in the count (62.5%).");
  });
});
