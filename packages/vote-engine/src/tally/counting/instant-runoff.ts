import { checkOptions, checkWeight } from "./count-checks";
import { listed, orderTied } from "./tie-words";
import type { CountingMethod, CountInput, CountResult, CountRound, TieBreak, TieBreaker } from "./counting-method";

type Ranking = { readonly ranking: readonly string[] };

/**
 * Instant-runoff count of one ranked question (one seat).
 *
 * Rules (the platform's documented rules; the recount and the audit verifier use this code):
 * 1. Each round, every ballot counts, with its weight (a positive integer), for its
 *    highest-ranked option still in the count. A ballot with no such option left is exhausted
 *    and leaves the count for good. Empty rankings (abstentions) take no part at all.
 * 2. An option with more than half of the votes of the ballots still in the count (not
 *    exhausted) wins. When one option is left, it wins.
 * 3. Otherwise exactly one option is eliminated: the one with the fewest votes. A tie for fewest
 *    is broken by looking back: the earlier rounds are taken from the most recent back, and in
 *    each one where the tied options' votes differ, only those with the fewest votes there stay
 *    in the tie, until one is left: it is eliminated (rule "look-back"). If some were equal in
 *    every earlier round, the election's tie breaker orders them and the LAST of its order is
 *    eliminated; with the default option-order tie breaker that is the tied option that comes
 *    last in the ballot's option order. (Every tie breaker is reproducible by anyone holding the
 *    published election: see tie-breakers.ts.)
 * 4. With `batchElimination`, before rule 3: sort the continuing options by votes, fewest first,
 *    and take the largest set of the lowest ones (never splitting options with equal votes)
 *    whose combined votes are fewer than the votes of the next-lowest option. When that set
 *    holds two or more options they are all eliminated in this one round; when it holds one,
 *    rule 3 eliminates that same option.
 *
 * Rule 4 is the batch elimination of RCTab, the Ranked Choice Voting Resource Center's certified
 * tabulator (its older source headers call it the "Ranked Choice Voting Universal Tabulator";
 * github.com/BrightSpots/rcv, commit 2167c240ddd25e40427cc3e7e1ecf46ef62f0b7f):
 * - src/main/resources/network/brightspots/rcv/hints_winning_rules.txt, "Use Batch Elimination":
 *   "Batch elimination, or simultaneous elimination of all candidates for whom it is
 *   mathematically impossible to be elected, eliminates all candidates who cannot receive enough
 *   votes to surpass the candidate with the next highest number of votes."
 * - src/main/java/network/brightspots/rcv/Tabulator.java, runBatchElimination: candidates are
 *   summed low to high, and those summed are eliminated "when the sum of all batch-eliminated
 *   candidates' votes fails to equal or exceed the next-lowest candidate vote total";
 *   doBatchElimination applies it only when it eliminates more than one candidate.
 * None of these options can overtake any option outside the set, so one-by-one elimination would
 * remove them all next anyway and every ballot would end where it does: batch elimination saves
 * rounds and changes no winner, except through a tie met later, which looking back (over fewer
 * rounds) or a lot (drawn per round) may then settle differently.
 *
 * Each round with an elimination reports where the eliminated options' ballots went: to each
 * option still in the count, and out of it (exhausted).
 */
export const instantRunoff: CountingMethod<Ranking> = {
  name: "instant-runoff",
  marks: "ranking",
  multiSeat: false,
  count: countInstantRunoff,
};

function countInstantRunoff({
  options,
  seats,
  ballots,
  tieBreaker,
  batchElimination = false,
}: CountInput<Ranking>): CountResult {
  if (seats !== 1) throw new Error(`instant runoff fills one seat, not ${seats}`);
  checkOptions(options);
  const known = new Set(options);
  for (const ballot of ballots) {
    checkWeight(ballot.weight);
    const { ranking } = ballot.marks;
    if (new Set(ranking).size !== ranking.length) throw new Error("a ballot ranks an option twice");
    for (const id of ranking) if (!known.has(id)) throw new Error(`a ballot ranks unknown option "${id}"`);
  }

  // Each ranked ballot sits in the pile of the option it counts for; `next[i]` is how far down
  // its ranking ballot i has been read. Only the piles of eliminated options are ever re-read.
  const ranked = ballots.filter((b) => b.marks.ranking.length > 0);
  const abstentions = ballots.reduce((sum, b) => (b.marks.ranking.length === 0 ? sum + b.weight : sum), 0);
  const next = new Uint32Array(ranked.length);
  const piles = new Map<string, number[]>(options.map((id) => [id, []]));
  const votes = new Map<string, number>(options.map((id) => [id, 0]));
  let total = 0;
  ranked.forEach((ballot, i) => {
    const first = ballot.marks.ranking[0]!;
    piles.get(first)!.push(i);
    votes.set(first, votes.get(first)! + ballot.weight);
    total += ballot.weight;
  });
  if (!Number.isSafeInteger(total + abstentions)) throw new Error("the votes add up past exact integer arithmetic");
  const result = (rounds: CountRound[], winners: string[], tieBreaks: TieBreak[]): CountResult => ({
    method: "instant-runoff",
    seats: 1,
    rounds,
    winners,
    tieBreaks,
    abstentions,
  });
  if (total === 0) return result([], [], []);

  const continuing = new Set(options);
  const rounds: CountRound[] = [];
  const tieBreaks: TieBreak[] = [];
  let exhausted = 0;
  for (let round = 1; ; round++) {
    const standing = options.filter((id) => continuing.has(id));
    const tallies = Object.fromEntries(standing.map((id) => [id, votes.get(id)!]));
    const leader = standing.find((id) => tallies[id]! * 2 > total - exhausted);
    if (leader !== undefined || standing.length === 1) {
      const winner = leader ?? standing[0]!;
      rounds.push({ round, tallies, exhausted, elected: [winner], eliminated: [] });
      return result(rounds, [winner], tieBreaks);
    }

    const { eliminated, tieBreak } = chooseElimination(round, standing, tallies, rounds, tieBreaker, batchElimination);
    if (tieBreak) tieBreaks.push(tieBreak);
    for (const id of eliminated) continuing.delete(id);
    const exhaustedBefore = exhausted;
    const transfers = eliminated.map((from) => {
      const to: Record<string, number> = Object.fromEntries(
        options.filter((id) => continuing.has(id)).map((id) => [id, 0]),
      );
      let toExhausted = 0;
      for (const i of piles.get(from)!) {
        const { marks, weight } = ranked[i]!;
        let at = next[i]! + 1;
        while (at < marks.ranking.length && !continuing.has(marks.ranking[at]!)) at++;
        next[i] = at;
        const receiver = marks.ranking[at];
        if (receiver === undefined) {
          exhausted += weight;
          toExhausted += weight;
        } else {
          piles.get(receiver)!.push(i);
          votes.set(receiver, votes.get(receiver)! + weight);
          to[receiver]! += weight;
        }
      }
      piles.delete(from);
      return { from, to, exhausted: toExhausted };
    });
    rounds.push({ round, tallies, exhausted: exhaustedBefore, elected: [], eliminated, transfers });
  }
}

/** Which option(s) leave the count at the end of this round, and the tie that decided it, if any. */
function chooseElimination(
  round: number,
  standing: readonly string[],
  tallies: Readonly<Record<string, number>>,
  earlier: readonly CountRound[],
  tieBreaker: TieBreaker,
  batchElimination: boolean,
): { eliminated: string[]; tieBreak?: TieBreak } {
  if (batchElimination) {
    const batch = cannotOvertake(standing, tallies);
    if (batch.length >= 2) return { eliminated: batch };
  }
  const fewest = Math.min(...standing.map((id) => tallies[id]!));
  const between = standing.filter((id) => tallies[id] === fewest);
  if (between.length === 1) return { eliminated: between };

  let tied = between;
  for (let i = earlier.length - 1; i >= 0; i--) {
    const past = earlier[i]!.tallies;
    const least = Math.min(...tied.map((id) => past[id] ?? 0));
    const behind = tied.filter((id) => (past[id] ?? 0) === least);
    if (behind.length < tied.length) tied = behind;
    if (tied.length === 1) {
      const loser = tied[0]!;
      return {
        eliminated: [loser],
        tieBreak: {
          round,
          deciding: "elimination",
          between,
          chosen: [loser],
          rule: "look-back",
          explanation: `Tie for fewest votes broken by round ${earlier[i]!.round}, where ${loser} had the fewest.`,
        },
      };
    }
  }
  const order = orderTied(tieBreaker, tied, `round ${round}: elimination`);
  const loser = order[order.length - 1]!;
  const narrowed = tied.length < between.length ? ` (looking back left ${listed(tied)})` : "";
  return {
    eliminated: [loser],
    tieBreak: {
      round,
      deciding: "elimination",
      between,
      chosen: [loser],
      rule: tieBreaker.rule,
      explanation: `Tie for fewest votes in every round${narrowed}: ${loser} ${comesLast[tieBreaker.rule]}.`,
    },
  };
}

/** How the tie breaker put the eliminated option last, as a predicate. */
const comesLast: Record<TieBreaker["rule"], string> = {
  "option-order": "comes last in the ballot order",
  lot: "comes last in the draw by lot from the published seed",
  "recorded-draw": "comes last in the officials' recorded draw",
};

/**
 * The largest set of lowest options whose combined votes are fewer than the next-lowest
 * option's (rule 4), in ballot order; options with equal votes are never split.
 */
function cannotOvertake(standing: readonly string[], tallies: Readonly<Record<string, number>>): string[] {
  const ascending = [...standing].sort((a, b) => tallies[a]! - tallies[b]!);
  let below = 0;
  let batch = 0;
  for (let i = 0; i < ascending.length;) {
    const level = tallies[ascending[i]!]!;
    if (below < level) batch = i;
    while (i < ascending.length && tallies[ascending[i]!] === level) below += tallies[ascending[i++]!]!;
  }
  const out = new Set(ascending.slice(0, batch));
  return standing.filter((id) => out.has(id));
}
