import type { CountingMethod, WeightedBallot } from "./counting-method";
import { addExactly, checkOptions, checkSeats } from "./count-checks";
import { electHighest } from "./elect-highest";
import { byOption, groupBallots } from "./score";

type RankingMarks = { readonly ranking: readonly string[] };

/**
 * The Borda count: each voter ranks the options, each ranking gives points by position, and the
 * `seats` options with the most points win. One round.
 *
 * Rules (the recount and the audit verifier use this code):
 * 1. A ballot ranks options, most preferred first, each at most once; ranking an option twice or
 *    one the question does not have is refused (an Error: the ballot form never allows it). An
 *    empty ranking is an abstention and takes no part.
 * 2. With n options on the question, a ballot gives its first preference n − 1 points, its second
 *    n − 2, and so on down: the classic Borda count, in which an option gets one point for every
 *    option ranked below it, so a full ranking gives its last option 0.
 * 3. Partial rankings are allowed: the ranked options keep the points of their positions
 *    (n − 1, n − 2, …, whatever the ranking's length) and every unranked option gets 0. This is
 *    the convention Wikipedia's "Borda count" article (section "Truncated ballots") calls the
 *    simplest, giving every unranked option the minimum, and the first of the three ways of
 *    electowiki's "Borda count" (section "Variants"): "leave the scores of each ranking unchanged
 *    and give unranked candidates 0 points". It is not the "modified Borda count", which would
 *    give a ranking of k options only k, k − 1, … points. (Both sources note that it lets a voter
 *    gain by ranking fewer options; the rule is chosen for being the plain, published one.)
 * 4. Each ballot adds its points times its weight (a positive integer); totals are exact integers.
 * 5. The options are elected in order of their points, most first, until the seats are filled;
 *    equal totals that all fit are elected together (in ballot order). When the options tied at
 *    the seat boundary are more than the seats left, the election's tie breaker orders them and
 *    the seats go to the front of its order; the tie is recorded.
 * 6. An option with no points (unranked everywhere, or only ever ranked last of all n) has no
 *    support and is never elected: fewer winners are returned and the other seats stay unfilled.
 *
 * The published example it is checked against: Wikipedia, "Borda count", section "An example"
 * (the Tennessee capital election: Memphis 126, Nashville 194, Chattanooga 173, Knoxville 107;
 * Nashville wins).
 */
export const borda: CountingMethod<RankingMarks> = {
  name: "borda",
  marks: "ranking",
  multiSeat: true,
  count({ options, seats, ballots, tieBreaker }) {
    checkOptions(options);
    checkSeats(seats);
    const { points, abstentions } = tallyBorda(options, ballots);
    const supported = options.map((id, i) => ({ id, total: points[i]! })).filter((o) => o.total > 0);
    const { winners, tieBreaks } = electHighest(supported, seats, tieBreaker, "point");
    return {
      method: "borda",
      seats,
      rounds: [{ round: 1, tallies: byOption(options, points), elected: winners, eliminated: [] }],
      winners,
      tieBreaks,
      abstentions,
    };
  },
};

/** Rules 1 to 4: each option's points (ballot order), identical rankings read once. */
function tallyBorda(
  options: readonly string[],
  ballots: ReadonlyArray<WeightedBallot<RankingMarks>>,
): { points: number[]; abstentions: number } {
  const index = new Map(options.map((id, i) => [id, i]));
  const n = options.length;
  const points = new Array<number>(n).fill(0);
  let abstentions = 0;
  for (const { marks, weight } of groupBallots(ballots, (m) => JSON.stringify(m?.ranking ?? null))) {
    const ranking = readRanking(index, marks);
    if (ranking.length === 0) abstentions = addExactly(abstentions, weight);
    ranking.forEach((i, position) => {
      const worth = (n - 1 - position) * weight;
      if (!Number.isSafeInteger(worth)) throw new Error("the count adds up past exact integer arithmetic");
      points[i] = addExactly(points[i]!, worth);
    });
  }
  return { points, abstentions };
}

/** One ranking as option indexes, checked against the question. */
function readRanking(index: ReadonlyMap<string, number>, marks: RankingMarks): number[] {
  const ranking = (marks as Partial<RankingMarks> | null)?.ranking;
  if (!Array.isArray(ranking)) throw new Error("a ranked ballot has no ranking");
  const seen = new Set<number>();
  return ranking.map((id: string) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`a ballot ranks unknown option "${id}"`);
    if (seen.has(i)) throw new Error("a ballot ranks an option twice");
    seen.add(i);
    return i;
  });
}
