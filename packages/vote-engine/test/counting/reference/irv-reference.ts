import type { TieBreaker } from "../../../src/tally/counting/counting-method";

/**
 * A second, deliberately plain instant-runoff count, used only by the tests to check the real
 * one (src/tally/counting/instant-runoff.ts). It is written from the written rules alone, not
 * from that code: every weighted ballot is expanded into that many single ballots, and each
 * round recounts every ballot from the top of its ranking. Slow, and easy to check by reading.
 *
 * The rules:
 * - Each round a ballot counts for its highest-ranked option still in the count; a ballot with
 *   none left is exhausted. Empty rankings are abstentions and take no part.
 * - More than half of the non-exhausted ballots wins; the last option left wins.
 * - Batch elimination (when asked): the largest set of lowest options, options with equal votes
 *   never split, whose combined votes are fewer than the next-lowest option's votes; applied
 *   when it holds at least two options.
 * - Otherwise the fewest-votes option goes. A tie: walk back through the earlier rounds, latest
 *   first; wherever the tied options' votes differ, keep only those with the fewest there; stop
 *   when one is left ("look-back"). Still tied: the tie breaker orders them (context
 *   "round N: elimination") and the last of its order goes.
 */
export interface ReferenceRound {
  readonly tallies: Record<string, number>;
  readonly exhausted: number;
  readonly eliminated: string[];
  /** Per eliminated option: where its ballots went (continuing options), and how many were exhausted. */
  readonly transfers: Array<{ from: string; to: Record<string, number>; exhausted: number }>;
}

export interface ReferenceResult {
  readonly rounds: ReferenceRound[];
  readonly winner: string | null;
  readonly abstentions: number;
  readonly tieBreaks: Array<{ round: number; between: string[]; chosen: string[]; rule: string }>;
}

export function referenceInstantRunoff(input: {
  options: readonly string[];
  ballots: ReadonlyArray<{ marks: { ranking: readonly string[] }; weight: number }>;
  tieBreaker: TieBreaker;
  batchElimination?: boolean;
}): ReferenceResult {
  // One entry per voter.
  const voters: (readonly string[])[] = [];
  let abstentions = 0;
  for (const ballot of input.ballots) {
    for (let k = 0; k < ballot.weight; k++) {
      if (ballot.marks.ranking.length === 0) abstentions++;
      else voters.push(ballot.marks.ranking);
    }
  }

  const rounds: ReferenceRound[] = [];
  const tieBreaks: ReferenceResult["tieBreaks"] = [];
  if (voters.length === 0) return { rounds, winner: null, abstentions, tieBreaks };

  let inCount = [...input.options];
  const topChoice = (ranking: readonly string[], among: readonly string[]) =>
    ranking.find((option) => among.includes(option));

  for (let roundNumber = 1; roundNumber < 1000; roundNumber++) {
    const tallies: Record<string, number> = {};
    for (const option of inCount) tallies[option] = 0;
    let exhausted = 0;
    for (const ranking of voters) {
      const choice = topChoice(ranking, inCount);
      if (choice === undefined) exhausted++;
      else tallies[choice]!++;
    }
    const stillCounting = voters.length - exhausted;

    let winner: string | null = null;
    for (const option of inCount) if (2 * tallies[option]! > stillCounting) winner = option;
    if (winner === null && inCount.length === 1) winner = inCount[0]!;
    if (winner !== null) {
      rounds.push({ tallies, exhausted, eliminated: [], transfers: [] });
      return { rounds, winner, abstentions, tieBreaks };
    }

    let out: string[] = [];
    if (input.batchElimination) {
      const levels = [...new Set(inCount.map((o) => tallies[o]!))].sort((a, b) => a - b);
      for (let n = 1; n < levels.length; n++) {
        const lower = inCount.filter((o) => tallies[o]! < levels[n]!);
        const combined = lower.reduce((sum, o) => sum + tallies[o]!, 0);
        if (combined < levels[n]! && lower.length > out.length) out = lower;
      }
      if (out.length < 2) out = [];
    }
    if (out.length === 0) {
      const lowest = Math.min(...inCount.map((o) => tallies[o]!));
      const tiedAtFirst = inCount.filter((o) => tallies[o] === lowest);
      let tied = tiedAtFirst;
      for (let back = rounds.length - 1; back >= 0 && tied.length > 1; back--) {
        const then = rounds[back]!.tallies;
        const lowestThen = Math.min(...tied.map((o) => then[o]!));
        tied = tied.filter((o) => then[o] === lowestThen);
      }
      if (tied.length > 1) {
        const order = input.tieBreaker.order(tied, `round ${roundNumber}: elimination`);
        tied = [order[order.length - 1]!];
        tieBreaks.push({ round: roundNumber, between: tiedAtFirst, chosen: tied, rule: input.tieBreaker.rule });
      } else if (tiedAtFirst.length > 1) {
        tieBreaks.push({ round: roundNumber, between: tiedAtFirst, chosen: tied, rule: "look-back" });
      }
      out = tied;
    }

    const before = inCount;
    inCount = inCount.filter((o) => !out.includes(o));
    const transfers = out.map((from) => {
      const to: Record<string, number> = {};
      let exhaustedHere = 0;
      for (const option of inCount) to[option] = 0;
      for (const ranking of voters) {
        if (topChoice(ranking, before) !== from) continue;
        const next = topChoice(ranking, inCount);
        if (next === undefined) exhaustedHere++;
        else to[next]!++;
      }
      return { from, to, exhausted: exhaustedHere };
    });
    rounds.push({ tallies, exhausted, eliminated: out, transfers });
  }
  throw new Error("the reference count did not end");
}
