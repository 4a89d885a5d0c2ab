import type { CountingMethod, CountResult, TieBreak, TieBreaker } from "./counting-method";
import {
  condorcetWinner,
  countPairwise,
  seatTopDown,
  tableOf,
  type PairwiseCount,
  type RankingMarks,
} from "./pairwise";
import { orderTied, ruleInWords } from "./tie-words";

/**
 * Ranked-pairs (Tideman) count of one ranked question.
 *
 * Rules (T. N. Tideman, "Independence of clones as a criterion for voting rules", Social Choice
 * and Welfare 4 (1987) 185–206, with the strength of a majority measured by winning votes):
 * 1. Count the pairwise matrix d (pairwise.ts): options a ballot leaves unranked sit below those it
 *    ranks; empty rankings are abstentions and take no part.
 * 2. Each pair with d[X][Y] > d[Y][X] is a majority for X over Y. A pair with d[X][Y] = d[Y][X] is
 *    no majority and is never locked.
 * 3. The majorities are sorted: more winning votes d[X][Y] first; equal winning votes, the larger
 *    margin (the smaller opposition d[Y][X]) first. Majorities equal in both are ordered from the
 *    election's tie-breaker, which orders the options they involve: the majority whose loser the
 *    tie-breaker puts lower goes first; with the same loser, the one whose winner it puts higher
 *    (Steve Eppley's rule, as Markus Schulze describes it on the Election-Methods mailing list;
 *    it orders any set of equal majorities from one published order of the options, and it gives
 *    the lock order Wikipedia's "Ranked pairs" example prints). Every such ordering is recorded as
 *    a tie, whether or not it changed what was locked: the record shows every choice made.
 * 4. Going down the list, each majority is locked unless its loser already reaches its winner
 *    through locked majorities, i.e. unless it would close a cycle; then it is skipped.
 * 5. The winner is the source of the locked graph: the option no locked majority is against. When
 *    pairwise ties leave several sources, the tie-breaker picks one, and the tie is recorded.
 * 6. More than one seat: the seats go down the order the locked graph gives (each next seat to a
 *    source among the options still unplaced, ties broken as in 5). Only options some ballot ranks
 *    fill seats. It is an order of finish, not a proportional method, hence multiSeat is false.
 *
 * The result has one round. Its tallies give, for each option, how many options it stands above
 * in the locked graph (directly or through a chain of locked majorities); `elected` lists the
 * winners in order. The lock decisions themselves are given by `lockPairs`.
 */
export const rankedPairs: CountingMethod<RankingMarks> = {
  name: "ranked-pairs",
  marks: "ranking",
  multiSeat: false,
  count({ options, seats, ballots, tieBreaker }): CountResult {
    if (!Number.isSafeInteger(seats) || seats < 1)
      throw new Error(`seats must be a positive whole number, not ${seats}`);
    const count = countPairwise(options, ballots);
    const base = {
      method: "ranked-pairs" as const,
      seats,
      abstentions: count.abstentions,
      pairwise: tableOf(options, count.d),
      condorcetWinner: condorcetWinner(count),
    };
    if (count.voters === 0) return { ...base, rounds: [], winners: [], tieBreaks: [] };

    const locks = lockPairs(count, tieBreaker);
    // Rules 5–6: the seats, from the sources of the locked graph down. The locked graph is acyclic,
    // so the options still unplaced always include a source.
    const seated = seatTopDown(count, seats, tieBreaker, {
      isTop: (x, unplaced) => unplaced.every((y) => !locks.over[y]![x]),
      firstSeat: "No locked majority is against any of these options: each is a source of the locked graph",
      laterSeat: (seat) =>
        `No locked majority from an option still unplaced is against any of these options: each may take seat ${seat}`,
    });
    const tallies = Object.fromEntries(options.map((id, x) => [id, below(locks.over, x).size]));
    return {
      ...base,
      rounds: [{ round: 1, tallies, elected: seated.winners, eliminated: [] }],
      winners: seated.winners,
      tieBreaks: [...locks.tieBreaks, ...seated.tieBreaks],
    };
  },
};

/** A majority of rule 2 and what rule 4 made of it. */
export interface LockDecision {
  readonly winner: string;
  readonly loser: string;
  /** d[winner][loser]: the winning votes. */
  readonly votes: number;
  /** d[loser][winner]. */
  readonly opposition: number;
  /** False when locking it would have closed a cycle. */
  readonly locked: boolean;
}

/**
 * Rules 2–4: the majorities in the order they were considered, whether each was locked, the ties
 * met in sorting them, and the locked graph (over[x][y]: a majority for options[x] over
 * options[y] is locked).
 */
export function lockPairs(
  count: PairwiseCount,
  tieBreaker: TieBreaker,
): { decisions: LockDecision[]; tieBreaks: TieBreak[]; over: boolean[][] } {
  const { options, d } = count;
  const { sorted, tieBreaks } = sortMajorities(count, tieBreaker);
  const over = options.map(() => options.map(() => false));
  const decisions = sorted.map(({ winner, loser }): LockDecision => {
    const locked = !below(over, loser).has(winner);
    if (locked) over[winner]![loser] = true;
    return {
      winner: options[winner]!,
      loser: options[loser]!,
      votes: d[winner]![loser]!,
      opposition: d[loser]![winner]!,
      locked,
    };
  });
  return { decisions, tieBreaks, over };
}

interface Majority {
  readonly winner: number;
  readonly loser: number;
}

/** Rule 3. */
function sortMajorities(count: PairwiseCount, tieBreaker: TieBreaker): { sorted: Majority[]; tieBreaks: TieBreak[] } {
  const { options, d } = count;
  const votes = (m: Majority) => d[m.winner]![m.loser]!;
  const opposition = (m: Majority) => d[m.loser]![m.winner]!;
  const majorities: Majority[] = [];
  for (let x = 0; x < options.length; x++) {
    for (let y = 0; y < options.length; y++) if (d[x]![y]! > d[y]![x]!) majorities.push({ winner: x, loser: y });
  }
  majorities.sort((a, b) => votes(b) - votes(a) || opposition(a) - opposition(b));

  const sorted: Majority[] = [];
  const tieBreaks: TieBreak[] = [];
  for (let start = 0; start < majorities.length;) {
    let end = start + 1;
    const first = majorities[start]!;
    while (
      end < majorities.length &&
      votes(majorities[end]!) === votes(first) &&
      opposition(majorities[end]!) === opposition(first)
    ) {
      end++;
    }
    const group = majorities.slice(start, end);
    if (group.length === 1) sorted.push(first);
    else {
      const broken = orderEqualMajorities(group, votes(first), opposition(first), options, tieBreaker);
      sorted.push(...broken.order);
      tieBreaks.push(broken.tieBreak);
    }
    start = end;
  }
  return { sorted, tieBreaks };
}

/** Rule 3's last step, for majorities equal in winning votes and in opposition. */
function orderEqualMajorities(
  group: readonly Majority[],
  votes: number,
  opposition: number,
  options: readonly string[],
  tieBreaker: TieBreaker,
): { order: Majority[]; tieBreak: TieBreak } {
  const involved = options.filter((_, i) => group.some((m) => m.winner === i || m.loser === i));
  const deciding = `order of the majorities won ${votes} to ${opposition}`;
  const ranking = orderTied(tieBreaker, involved, `round 1: ${deciding}`);
  const place = (i: number) => ranking.indexOf(options[i]!);
  const order = [...group].sort((a, b) => place(b.loser) - place(a.loser) || place(a.winner) - place(b.winner));
  const named = order.map((m) => `${options[m.winner]} over ${options[m.loser]}`).join(", ");
  return {
    order,
    tieBreak: {
      round: 1,
      deciding,
      between: involved,
      chosen: ranking,
      rule: tieBreaker.rule,
      explanation:
        `${group.length} majorities were each won ${votes} to ${opposition}; ${ruleInWords(tieBreaker.rule)} ` +
        `ranks ${ranking.join(", ")}, so the one whose loser it ranks lower is considered first: ${named}.`,
    },
  };
}

/** The options x stands above in the locked graph: those reachable from x by locked majorities. */
function below(over: ReadonlyArray<readonly boolean[]>, x: number): Set<number> {
  const reached = new Set<number>();
  const stack = [x];
  while (stack.length > 0) {
    const from = stack.pop()!;
    over[from]!.forEach((locked, to) => {
      if (locked && !reached.has(to)) {
        reached.add(to);
        stack.push(to);
      }
    });
  }
  return reached;
}
