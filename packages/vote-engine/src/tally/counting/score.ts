import type { CountingMethod, WeightedBallot } from "./counting-method";
import { addExactly, checkOptions, checkSeats, checkWeight } from "./count-checks";
import { electHighest } from "./elect-highest";

/** A score ballot's marks: a score per option; an option left out scores the range's minimum. */
export type ScoreMarks = { readonly scores: Readonly<Record<string, number>> };

/**
 * Score voting (also called range voting): each voter gives every option a score within the
 * question's range, and the `seats` options with the highest total scores win. One round.
 *
 * Rules (the recount and the audit verifier use this code):
 * 1. The question declares a range of whole-number scores, `scoreRange.min` to `scoreRange.max`.
 *    A ballot gives each option it marks a whole-number score within the range; an option it
 *    leaves out scores the minimum. A score outside the range, not a whole number, or for an
 *    option the question does not have is refused (an Error: the ballot form never allows it).
 * 2. A ballot that scores nothing at all (every option left out or at the minimum, which is the
 *    same thing) is an abstention and takes no part, not even in the totals.
 * 3. Each other ballot adds its score times its weight (a positive integer) to every option, the
 *    minimum for the options it left out. Totals are exact integers.
 * 4. The options are elected in order of their totals, highest first, until the seats are filled.
 *    Options with equal totals that all fit in the seats left are elected together (listed in
 *    ballot order). When the options tied at the seat boundary are more than the seats left, the
 *    election's tie breaker orders them and the seats go to the front of its order; the tie is
 *    recorded. With several seats this is the plain (not proportional) multi-winner form: every
 *    voter's scores count in full towards every seat.
 * 5. An option that no ballot scores above the minimum has no support and is never elected: when
 *    fewer options than seats have any, fewer winners are returned and the other seats stay
 *    unfilled.
 *
 * The round's `tallies` are the totals. Published results of score voting often show each
 * option's average score instead; it is the total divided by the weight of the ballots counted
 * (every ballot's weight less `abstentions`), and the renderer computes it: the seam carries only
 * the totals, which are exact where an average is not.
 *
 * The published example it is checked against: Wikipedia, "Score voting", section "Example"
 * (the Tennessee capital election scored 0 to 10; Nashville wins).
 */
export const scoreVoting: CountingMethod<ScoreMarks> = {
  name: "score",
  marks: "scores",
  multiSeat: true,
  count({ options, seats, ballots, tieBreaker, scoreRange }) {
    checkOptions(options);
    checkSeats(seats);
    const range = checkScoreRange(scoreRange, "score voting");
    const tally = tallyScores(options, ballots, range);
    const supported = options
      .map((id, i) => ({ id, total: tally.totals[i]!, supported: tally.supported[i]! }))
      .filter((o) => o.supported);
    const { winners, tieBreaks } = electHighest(supported, seats, tieBreaker, "point");
    return {
      method: "score",
      seats,
      rounds: [{ round: 1, tallies: byOption(options, tally.totals), elected: winners, eliminated: [] }],
      winners,
      tieBreaks,
      abstentions: tally.abstentions,
    };
  },
};

/** Identical score ballots counted once: each option's score (by ballot order) and their total weight. */
export interface ScoreGroup {
  readonly scores: readonly number[];
  readonly weight: number;
}

export interface ScoreTally {
  /** The distinct ballots that score something, with their weights. */
  readonly groups: readonly ScoreGroup[];
  /** Per option (ballot order): the sum of score × weight over the counted ballots. */
  readonly totals: readonly number[];
  /** Per option: the weight of the counted ballots that give it the top score (STAR's "five stars"). */
  readonly topScores: readonly number[];
  /** Per option: whether any ballot scores it above the minimum. */
  readonly supported: readonly boolean[];
  /** The weight of the ballots counted (all but the abstentions). */
  readonly counted: number;
  readonly abstentions: number;
}

/**
 * Checks and counts score ballots (rules 1 to 3 above; STAR reads its ballots the same way).
 * Identical ballots are grouped first and each distinct ballot is checked and read once, so a
 * question with 100,000 ballots costs little more than the number of different ballots.
 */
export function tallyScores(
  options: readonly string[],
  ballots: ReadonlyArray<WeightedBallot<ScoreMarks>>,
  range: { readonly min: number; readonly max: number },
): ScoreTally {
  // First by the marks exactly as written (cheap to key), then by what they mean: {a: 0} and {}
  // are the same ballot when the minimum is 0. In the written key anything but a number stands
  // as its type alone ("!undefined", "!string"), which JSON would drop or blur: a bad ballot then
  // never shares a group with a good one, so it is always checked, and refused.
  const byText = groupBallots(ballots, (marks) =>
    JSON.stringify(marks?.scores ?? null, (key, value: unknown) =>
      key === "" || typeof value === "number" ? value : `!${typeof value}`,
    ),
  );
  const known = new Set(options);
  const byMeaning = new Map<string, { scores: number[]; weight: number }>();
  for (const { marks, weight } of byText) {
    const scores = readScores(options, known, marks, range);
    const key = scores.join(",");
    const group = byMeaning.get(key);
    if (group) group.weight = addExactly(group.weight, weight);
    else byMeaning.set(key, { scores, weight });
  }

  const totals = new Array<number>(options.length).fill(0);
  const topScores = new Array<number>(options.length).fill(0);
  const supported = new Array<boolean>(options.length).fill(false);
  const groups: ScoreGroup[] = [];
  let counted = 0;
  let abstentions = 0;
  for (const group of byMeaning.values()) {
    if (group.scores.every((s) => s === range.min)) {
      abstentions = addExactly(abstentions, group.weight);
      continue;
    }
    groups.push(group);
    counted = addExactly(counted, group.weight);
    group.scores.forEach((score, i) => {
      totals[i] = addExactly(totals[i]!, multiplyExactly(score, group.weight));
      if (score === range.max) topScores[i] = addExactly(topScores[i]!, group.weight);
      if (score > range.min) supported[i] = true;
    });
  }
  return { groups, totals, topScores, supported, counted, abstentions };
}

/** One ballot's score for every option, in ballot order, checked against the question. */
function readScores(
  options: readonly string[],
  known: ReadonlySet<string>,
  marks: ScoreMarks,
  range: { readonly min: number; readonly max: number },
): number[] {
  const given = (marks as Partial<ScoreMarks> | null)?.scores;
  if (typeof given !== "object" || given === null) throw new Error("a score ballot has no scores");
  for (const [id, score] of Object.entries(given)) {
    if (!known.has(id)) throw new Error(`a ballot scores unknown option "${id}"`);
    if (!Number.isSafeInteger(score))
      throw new Error(`a ballot scores option "${id}" ${String(score)}, not a whole number`);
    if (score < range.min || score > range.max) {
      throw new Error(`a ballot scores option "${id}" ${score}, outside the range ${range.min} to ${range.max}`);
    }
  }
  // `+ 0` turns a -0 into 0, so the two cannot make different groups.
  return options.map((id) => (Object.hasOwn(given, id) ? given[id]! + 0 : range.min));
}

/** Identical marks merged into one ballot with the summed weight; every weight is checked. */
export function groupBallots<M>(
  ballots: ReadonlyArray<{ readonly marks: M; readonly weight: number }>,
  keyOf: (marks: M) => string,
): Array<{ marks: M; weight: number }> {
  const groups = new Map<string, { marks: M; weight: number }>();
  for (const ballot of ballots) {
    checkWeight(ballot.weight);
    const key = keyOf(ballot.marks);
    const group = groups.get(key);
    if (group) group.weight = addExactly(group.weight, ballot.weight);
    else groups.set(key, { marks: ballot.marks, weight: ballot.weight });
  }
  return [...groups.values()];
}

/** The question's score range, checked: whole numbers, the minimum below the maximum. */
export function checkScoreRange(
  range: { readonly min: number; readonly max: number } | undefined,
  method: string,
): { readonly min: number; readonly max: number } {
  if (range === undefined) throw new Error(`${method} needs the question's score range`);
  const { min, max } = range;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min >= max) {
    throw new Error(`the score range must be whole numbers with the minimum below the maximum, not ${min} to ${max}`);
  }
  return range;
}

function multiplyExactly(a: number, b: number): number {
  const product = a * b;
  if (!Number.isSafeInteger(product)) throw new Error("the count adds up past exact integer arithmetic");
  return product;
}

/** Per-option numbers (ballot order) as the record a round carries. */
export function byOption(options: readonly string[], values: readonly number[]): Record<string, number> {
  return Object.fromEntries(options.map((id, i) => [id, values[i]!]));
}
