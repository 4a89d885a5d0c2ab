import type { CountingMethod, CountResult } from "./counting-method";
import {
  condorcetWinner,
  countPairwise,
  seatTopDown,
  tableOf,
  type PairwiseCount,
  type RankingMarks,
} from "./pairwise";

/**
 * Schulze count of one ranked question.
 *
 * Rules (Markus Schulze, "A new monotonic, clone-independent, reversal symmetric, and
 * Condorcet-consistent single-winner election method", Social Choice and Welfare 36 (2011)
 * 267–303, which also gives the O(C³) algorithm used here; the strength of a link is its winning
 * votes alone, as in Wikipedia's "Schulze method" and the published examples the tests reproduce):
 * 1. Count the pairwise matrix d (pairwise.ts): options a ballot leaves unranked sit below those it
 *    ranks; empty rankings are abstentions and take no part.
 * 2. There is a link from X to Y, of strength d[X][Y], when d[X][Y] > d[Y][X]. A path's strength
 *    is that of its weakest link; p[X][Y] is the strength of the strongest path from X to Y, 0 if
 *    there is none. It is found by the Floyd–Warshall widest-path algorithm.
 * 3. X beats Y when p[X][Y] > p[Y][X] (the paper proves this relation transitive). The Schulze
 *    winners are the options that no option beats; there is always at least one.
 * 4. When there are several, the election's tie-breaker picks one, and the tie is recorded.
 * 5. More than one seat: the seats go down the Schulze ranking. Each next seat goes to an option
 *    no option still unplaced beats, ties broken as in 4. This is the Schulze ranking, not Schulze
 *    STV (a different, proportional method), hence multiSeat is false. Only options some ballot
 *    ranks fill seats.
 *
 * The result has one round. Its tallies give each option's number of wins by strongest path
 * (the options Y with p[X][Y] > p[Y][X]), which orders the options as the ranking does when the
 * relation is complete; `elected` lists the winners in order. `pairwise` is d by option id and
 * `condorcetWinner` the option beating every other head to head, if any.
 */
export const schulze: CountingMethod<RankingMarks> = {
  name: "schulze",
  marks: "ranking",
  multiSeat: false,
  count({ options, seats, ballots, tieBreaker }): CountResult {
    if (!Number.isSafeInteger(seats) || seats < 1)
      throw new Error(`seats must be a positive whole number, not ${seats}`);
    const count = countPairwise(options, ballots);
    const base = {
      method: "schulze" as const,
      seats,
      abstentions: count.abstentions,
      pairwise: tableOf(options, count.d),
      condorcetWinner: condorcetWinner(count),
    };
    if (count.voters === 0) return { ...base, rounds: [], winners: [], tieBreaks: [] };

    const p = strongestPaths(count);
    // Rules 3–5: the seats, from the top of the Schulze ranking down. Unbeaten among the options
    // still unplaced: the relation is a strict partial order on them, so one always is.
    const { winners, tieBreaks } = seatTopDown(count, seats, tieBreaker, {
      isTop: (x, unplaced) => unplaced.every((y) => y === x || p[x]![y]! >= p[y]![x]!),
      firstSeat: "No strongest path beats any of these options: each is a Schulze winner",
      laterSeat: (seat) =>
        `No strongest path from an option still unplaced beats any of these options: each may take seat ${seat}`,
    });
    const tallies = Object.fromEntries(
      options.map((id, x) => [id, options.filter((_, y) => p[x]![y]! > p[y]![x]!).length]),
    );
    return { ...base, rounds: [{ round: 1, tallies, elected: winners, eliminated: [] }], winners, tieBreaks };
  },
};

/**
 * p[i][j], the strength of the strongest path from options[i] to options[j] (rule 2), by
 * Floyd–Warshall: after step k, p holds the strongest paths whose inner options are among the
 * first k, so after the last step it holds them all. O(C³) in the number of options.
 */
export function strongestPaths(count: PairwiseCount): number[][] {
  const { d } = count;
  const n = d.length;
  const p = d.map((row, i) => row.map((support, j) => (i !== j && support > d[j]![i]! ? support : 0)));
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < n; i++) {
      if (i === k || p[i]![k] === 0) continue; // no path from i through k to improve on
      for (let j = 0; j < n; j++) {
        if (j === i || j === k) continue;
        const through = Math.min(p[i]![k]!, p[k]![j]!);
        if (through > p[i]![j]!) p[i]![j] = through;
      }
    }
  }
  return p;
}
