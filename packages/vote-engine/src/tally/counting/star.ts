import type { CountResult, CountRound, CountingMethod, TieBreak, TieBreaker } from "./counting-method";
import { checkOptions } from "./count-checks";
import { byOption, checkScoreRange, tallyScores, type ScoreMarks, type ScoreTally } from "./score";
import { byRule, listed, orderTied, plural } from "./tie-words";

/**
 * STAR voting ("Score Then Automatic Runoff"), single winner, as the Equal Vote Coalition
 * defines it (starvoting.org; the tie rules are its "Official Tie-breaker Protocol", published at
 * starvoting.org/ties and in the BetterVoting documentation, docs.bettervoting.com/help/ties).
 *
 * Rules (the recount and the audit verifier use this code):
 * 1. Ballots are read as in score voting (score.ts): a whole-number score within the question's
 *    range per option, an option left out scoring the minimum; a ballot that scores nothing is an
 *    abstention and takes no part.
 * 2. Scoring round (round 1): each option's total score, weights times scores. The two options
 *    with the highest totals are the finalists; the others are eliminated.
 * 3. Automatic runoff (round 2): each ballot goes to the finalist it scores higher. A ballot that
 *    scores both finalists the same has no preference and goes to neither; round 2 reports its
 *    weight as `exhausted` (the seam's name for ballots out of the count). The finalist preferred
 *    on more ballots wins.
 * 4. A tie in the scoring round matters only when more options tie at the finalists' boundary
 *    than places are left (two options tied for first both advance). Then:
 *    a. if exactly two options are tied, the one scored higher than the other on more ballots
 *       advances;
 *    b. if more than two are tied, or the two were preferred on equally many ballots, the options
 *       with the most top scores (`scoreRange.max`: the "five-star ratings" on a 0 to 5 ballot)
 *       advance;
 *    c. otherwise the rules break the tie at random: here the election's declared tie breaker
 *       orders the options still tied, and the places go to the front of its order.
 *    (An earlier version of the protocol had more than two tied options compared head-to-head,
 *    dropping those that lost the most match-ups, before the five-star step; the current one,
 *    which Equal Vote's own tabulator implements, goes straight to five-star ratings.)
 * 5. A tie in the runoff (both finalists preferred on equally many ballots) goes to:
 *    a. the finalist with the higher total score; then b. the one with more top scores; then
 *    c. the front of the election's tie breaker's order (the rules' random step).
 * 6. Every tie in 4 and 5 is recorded with the step that settled it. The seam's `rule` can name
 *    only the election's tie breaker, so a tie settled by step a or b carries that rule with an
 *    explanation saying which step settled it and that the tie breaker was not needed.
 * 7. A question with one option elects it if any ballot counts; no ballot counted, no winner.
 *
 * The published examples it is checked against: Wikipedia, "STAR voting", section "Example"
 * (the Tennessee capital election; Nashville beats Chattanooga 68 to 32 in the runoff), and the
 * worked ties in Equal Vote's own tabulator tests (Equal-Vote/bettervoting, Star.test.ts).
 */
export const star: CountingMethod<ScoreMarks> = {
  name: "star",
  marks: "scores",
  multiSeat: false,
  count({ options, seats, ballots, tieBreaker, scoreRange }) {
    checkOptions(options);
    if (seats !== 1) throw new Error(`STAR voting fills one seat, not ${seats}`);
    const range = checkScoreRange(scoreRange, "STAR voting");
    const tally = tallyScores(options, ballots, range);
    const tallies = byOption(options, tally.totals);
    const result = (rounds: CountRound[], winners: string[], tieBreaks: TieBreak[]): CountResult => ({
      method: "star",
      seats: 1,
      rounds,
      winners,
      tieBreaks,
      abstentions: tally.abstentions,
    });

    if (tally.counted === 0) return result([{ round: 1, tallies, elected: [], eliminated: [] }], [], []);
    if (options.length === 1) {
      return result([{ round: 1, tallies, elected: [...options], eliminated: [] }], [...options], []);
    }

    const stats = new Stats(options, tally, range.max);
    const scoring = chooseFinalists(stats, tieBreaker);
    const finalists = options.filter((id) => scoring.finalists.includes(id));
    const round1: CountRound = {
      round: 1,
      tallies,
      elected: [],
      eliminated: options.filter((id) => !finalists.includes(id)),
    };

    const [a, b] = finalists as [string, string];
    const runoff = stats.preference(a, b);
    const decided = decideRunoff(stats, a, b, runoff, tieBreaker);
    const loser = decided.winner === a ? b : a;
    const round2: CountRound = {
      round: 2,
      tallies: { [a]: runoff.forA, [b]: runoff.forB },
      exhausted: runoff.neither,
      elected: [decided.winner],
      eliminated: [loser],
    };
    return result([round1, round2], [decided.winner], [...scoring.tieBreaks, ...decided.tieBreaks]);
  },
};

/** What the tie rules read from the ballots: totals, top scores and head-to-head preferences. */
class Stats {
  private readonly index: ReadonlyMap<string, number>;

  constructor(
    readonly options: readonly string[],
    private readonly tally: ScoreTally,
    readonly top: number,
  ) {
    this.index = new Map(options.map((id, i) => [id, i]));
  }

  total(id: string): number {
    return this.tally.totals[this.index.get(id)!]!;
  }

  topScores(id: string): number {
    return this.tally.topScores[this.index.get(id)!]!;
  }

  /** The weight of the counted ballots scoring `a` above `b`, `b` above `a`, and both the same. */
  preference(a: string, b: string): { forA: number; forB: number; neither: number } {
    const i = this.index.get(a)!;
    const j = this.index.get(b)!;
    let forA = 0;
    let forB = 0;
    let neither = 0;
    // Exact without checks: the three add up to the counted weight, which the tally checked.
    for (const { scores, weight } of this.tally.groups) {
      if (scores[i]! > scores[j]!) forA += weight;
      else if (scores[j]! > scores[i]!) forB += weight;
      else neither += weight;
    }
    return { forA, forB, neither };
  }

  /** `ids` in ballot order. */
  inBallotOrder(ids: readonly string[]): string[] {
    return this.options.filter((id) => ids.includes(id));
  }
}

/** Rule 2 and rule 4: the two finalists, and the tie met at their boundary if any. */
function chooseFinalists(stats: Stats, tieBreaker: TieBreaker): { finalists: string[]; tieBreaks: TieBreak[] } {
  // Highest total first; equal totals stay in ballot order (the sort is stable).
  const ranked = [...stats.options].sort((x, y) => stats.total(y) - stats.total(x));
  if (ranked.length <= 2 || stats.total(ranked[1]!) !== stats.total(ranked[2]!)) {
    return { finalists: ranked.slice(0, 2), tieBreaks: [] };
  }
  // The tie is for the second place, and perhaps the first too: everyone on the second total.
  const boundary = stats.total(ranked[1]!);
  const ahead = ranked.filter((id) => stats.total(id) > boundary);
  const tied = stats.inBallotOrder(ranked.filter((id) => stats.total(id) === boundary));
  const places = 2 - ahead.length;
  const deciding = places === 1 ? "runoff finalist" : "runoff finalists";
  const settled = breakScoringTie(stats, tied, places, tieBreaker, `round 1: ${deciding}`);
  const placesWord = places === 1 ? "the second runoff place" : "both runoff places";
  return {
    finalists: [...ahead, ...settled.chosen],
    tieBreaks: [
      {
        round: 1,
        deciding,
        between: tied,
        chosen: settled.chosen,
        rule: tieBreaker.rule,
        explanation: `${listed(tied)} tied with ${plural(boundary, "point")} each for ${placesWord}; ${settled.steps.join("; ")}.`,
      },
    ],
  };
}

/** Rule 4 a to c for `tied` options competing for `places` places; `steps` say what happened, in words. */
function breakScoringTie(
  stats: Stats,
  tied: readonly string[],
  places: number,
  tieBreaker: TieBreaker,
  context: string,
): { chosen: string[]; steps: string[] } {
  const steps: string[] = [];
  if (tied.length === 2) {
    // Rule 4a: two options tied for one place (two tied for two places is no tie at all).
    const [a, b] = tied as [string, string];
    const { forA, forB } = stats.preference(a, b);
    if (forA !== forB) {
      const [winner, loser] = forA > forB ? [a, b] : [b, a];
      steps.push(
        `${winner} was scored higher than ${loser} on ${plural(Math.max(forA, forB), "ballot")} to ${Math.min(forA, forB)}, ` +
          `so ${winner} advances (head-to-head, the official STAR tie-breaker's first step); ${notNeeded(tieBreaker)}`,
      );
      return { chosen: [winner], steps };
    }
    steps.push(
      `each was scored higher than the other on ${plural(forA, "ballot")}, so head-to-head does not settle it`,
    );
  } else {
    steps.push(`with more than two tied, head-to-head is not used`);
  }

  // Rule 4b: most top scores first; equal counts stay in ballot order.
  const byTop = [...tied].sort((x, y) => stats.topScores(y) - stats.topScores(x));
  const chosen: string[] = [];
  const counts = tied.map((id) => `${id} ${stats.topScores(id)}`).join(", ");
  for (let start = 0; chosen.length < places;) {
    const level = stats.topScores(byTop[start]!);
    const group = byTop.filter((id) => stats.topScores(id) === level);
    const left = places - chosen.length;
    if (group.length <= left) {
      chosen.push(...group);
      start += group.length;
      continue;
    }
    // Rule 4c: the rules' random step, which this platform takes by the declared tie breaker.
    const drawn = orderTied(tieBreaker, stats.inBallotOrder(group), context).slice(0, left);
    chosen.push(...drawn);
    steps.push(
      `top scores (${stats.top}) were ${counts}, leaving ${listed(stats.inBallotOrder(group))} level on ${level}; ` +
        `${byRule[tieBreaker.rule]} (the rules' random step), ${listed(drawn)} ${advances(drawn)}`,
    );
    return { chosen, steps };
  }
  steps.push(
    `top scores (${stats.top}) were ${counts}, so ${listed(chosen)} ${advances(chosen)} ` +
      `(the official STAR tie-breaker's five-star step); ${notNeeded(tieBreaker)}`,
  );
  return { chosen, steps };
}

/** Rule 3 and rule 5: the runoff's winner, and the tie it met if any. */
function decideRunoff(
  stats: Stats,
  a: string,
  b: string,
  runoff: { forA: number; forB: number },
  tieBreaker: TieBreaker,
): { winner: string; tieBreaks: TieBreak[] } {
  if (runoff.forA !== runoff.forB) return { winner: runoff.forA > runoff.forB ? a : b, tieBreaks: [] };
  const record = (winner: string, step: string): { winner: string; tieBreaks: TieBreak[] } => ({
    winner,
    tieBreaks: [
      {
        round: 2,
        deciding: "the seat",
        between: [a, b],
        chosen: [winner],
        rule: tieBreaker.rule,
        explanation: `${a} and ${b} were each preferred on ${plural(runoff.forA, "ballot")} in the runoff; ${step}.`,
      },
    ],
  });

  const [totalA, totalB] = [stats.total(a), stats.total(b)];
  if (totalA !== totalB) {
    const [winner, loser] = totalA > totalB ? [a, b] : [b, a];
    return record(
      winner,
      `${winner} had the higher total score (${Math.max(totalA, totalB)} to ${Math.min(totalA, totalB)}), ` +
        `so ${winner} wins (the official STAR tie-breaker's first runoff step; ${loser} is runner-up); ${notNeeded(tieBreaker)}`,
    );
  }
  const [topA, topB] = [stats.topScores(a), stats.topScores(b)];
  if (topA !== topB) {
    const winner = topA > topB ? a : b;
    return record(
      winner,
      `their total scores were equal (${totalA}) and ${winner} had more top scores (${stats.top}: ` +
        `${Math.max(topA, topB)} to ${Math.min(topA, topB)}), so ${winner} wins (the five-star step); ${notNeeded(tieBreaker)}`,
    );
  }
  const winner = orderTied(tieBreaker, [a, b], "round 2: the seat")[0]!;
  return record(
    winner,
    `their total scores (${totalA}) and top scores (${stats.top}: ${topA}) were equal too; ` +
      `${byRule[tieBreaker.rule]} (the rules' random step), ${winner} wins`,
  );
}

function notNeeded(tieBreaker: TieBreaker): string {
  return `the election's tie breaker (${tieBreaker.rule}) was not needed`;
}

function advances(ids: readonly string[]): string {
  return ids.length === 1 ? "advances" : "advance";
}
