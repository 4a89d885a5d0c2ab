import type { TieBreak, TieBreaker, WeightedBallot } from "./counting-method";
import { orderTied, ruleInWords } from "./tie-words";

/**
 * The pairwise count the Condorcet methods (schulze.ts, ranked-pairs.ts) start from.
 *
 * Rules:
 * 1. d[X][Y] is the total weight of the ballots that rank X above Y. An option a ballot leaves
 *    unranked counts as ranked below every option the ballot ranks, and level with every other
 *    option it leaves unranked: a ballot ranking X but not Y counts for X over Y; a ballot ranking
 *    neither counts for neither.
 * 2. An empty ranking is an abstention: its weight is reported and it takes no part.
 * 3. X is the Condorcet winner when d[X][Y] > d[Y][X] for every other option Y; there may be none.
 *
 * Weights are positive whole numbers and every count is a sum of them, so the matrix is exact as
 * long as the total weight is a safe integer (checked). Identical rankings are grouped before
 * counting: the work grows with the number of distinct rankings, not of ballots.
 */

export type RankingMarks = { readonly ranking: readonly string[] };

export interface PairwiseCount {
  /** Option ids in ballot order; every matrix below is indexed in this order. */
  readonly options: readonly string[];
  /** d[i][j]: weight of the ballots ranking options[i] above options[j]; d[i][i] is 0. */
  readonly d: ReadonlyArray<readonly number[]>;
  /** Total weight of the empty rankings. */
  readonly abstentions: number;
  /** Total weight of the ballots that rank something. */
  readonly voters: number;
  /** Whether some ballot ranks options[i]: an option nobody ranked is elected to no seat. */
  readonly ranked: readonly boolean[];
}

export function countPairwise(
  options: readonly string[],
  ballots: ReadonlyArray<WeightedBallot<RankingMarks>>,
): PairwiseCount {
  const index = new Map(options.map((id, i) => [id, i]));
  if (index.size !== options.length) throw new Error("the question lists an option twice");
  const groups = groupRankings(ballots);

  const n = options.length;
  const d = options.map(() => new Array<number>(n).fill(0));
  const ranked = new Array<boolean>(n).fill(false);
  let abstentions = 0;
  let voters = 0;
  for (const { ranking, weight } of groups.values()) {
    const positions = ranking.map((id) => {
      const i = index.get(id);
      if (i === undefined) throw new Error(`a ballot ranks unknown option "${id}"`);
      return i;
    });
    if (new Set(positions).size !== positions.length) throw new Error("a ballot ranks an option twice");
    if (positions.length === 0) {
      abstentions += weight;
      continue;
    }
    voters += weight;
    addRanking(d, positions, weight);
    for (const i of positions) ranked[i] = true;
  }
  return { options, d, abstentions, voters, ranked };
}

/**
 * Sums the weights of identical rankings, checking each weight. The key is the ranking as JSON:
 * option ids may hold any character, so no separator could be trusted.
 */
function groupRankings(
  ballots: ReadonlyArray<WeightedBallot<RankingMarks>>,
): Map<string, { ranking: readonly string[]; weight: number }> {
  const groups = new Map<string, { ranking: readonly string[]; weight: number }>();
  let total = 0;
  for (const { marks, weight } of ballots) {
    if (!Number.isSafeInteger(weight) || weight <= 0) {
      throw new Error(`a ballot's weight must be a positive whole number, not ${weight}`);
    }
    total += weight;
    const key = JSON.stringify(marks.ranking);
    const group = groups.get(key);
    if (group) group.weight += weight;
    else groups.set(key, { ranking: marks.ranking, weight });
  }
  // Every cell of the matrix is at most the total, so a safe total keeps every count exact.
  if (!Number.isSafeInteger(total)) throw new Error("the ballots' total weight is too large to count exactly");
  return groups;
}

/** Adds one ranking (option indices, most preferred first) with its weight to d. */
function addRanking(d: number[][], positions: readonly number[], weight: number): void {
  const isRanked = new Array<boolean>(d.length).fill(false);
  for (const i of positions) isRanked[i] = true;
  for (let a = 0; a < positions.length; a++) {
    const row = d[positions[a]!]!;
    for (let b = a + 1; b < positions.length; b++) row[positions[b]!]! += weight;
    // Rule 1: every unranked option sits below every ranked one.
    for (let u = 0; u < d.length; u++) if (!isRanked[u]) row[u]! += weight;
  }
}

/** The Condorcet winner (rule 3), or null; null too when no ballot ranks anything. */
export function condorcetWinner(count: PairwiseCount): string | null {
  if (count.voters === 0) return null;
  const { options, d } = count;
  const winner = options.findIndex((_, x) => options.every((__, y) => y === x || d[x]![y]! > d[y]![x]!));
  return winner < 0 ? null : options[winner]!;
}

/** A square matrix indexed like `options`, as row → column → value by option id, diagonal left out. */
export function tableOf(
  options: readonly string[],
  matrix: ReadonlyArray<readonly number[]>,
): Record<string, Record<string, number>> {
  return Object.fromEntries(
    options.map((row, i) => [
      row,
      Object.fromEntries(options.flatMap((col, j) => (i === j ? [] : [[col, matrix[i]![j]!]]))),
    ]),
  );
}

/**
 * Several options are equally entitled to the next seat: the tie-breaker picks the one it favours
 * most, and the choice is recorded. `tied` is in ballot order.
 */
function electOneOf(
  tied: readonly string[],
  tieBreaker: TieBreaker,
  deciding: string,
  why: string,
): { elected: string; tieBreak: TieBreak } {
  const elected = orderTied(tieBreaker, tied, `round 1: ${deciding}`)[0]!;
  return {
    elected,
    tieBreak: {
      round: 1,
      deciding,
      between: tied,
      chosen: [elected],
      rule: tieBreaker.rule,
      explanation: `${why}; ${ruleInWords(tieBreaker.rule)} favours ${elected}.`,
    },
  };
}

/**
 * Fills the seats from the top of a Condorcet method's order down: each seat goes to the option
 * on top among those still unplaced (`isTop`), the tie breaker choosing when several are (each
 * such choice recorded, with the method's words for why they tie). Only options some ballot
 * ranks are placed.
 */
export function seatTopDown(
  count: PairwiseCount,
  seats: number,
  tieBreaker: TieBreaker,
  rule: {
    readonly isTop: (option: number, unplaced: readonly number[]) => boolean;
    readonly firstSeat: string;
    readonly laterSeat: (seat: number) => string;
  },
): { winners: string[]; tieBreaks: TieBreak[] } {
  const { options } = count;
  const unplaced = new Set(options.flatMap((_, i) => (count.ranked[i] ? [i] : [])));
  const winners: string[] = [];
  const tieBreaks: TieBreak[] = [];
  while (winners.length < seats && unplaced.size > 0) {
    const among = [...unplaced];
    const top = among.filter((x) => rule.isTop(x, among));
    let chosen = top[0]!;
    if (top.length > 1) {
      const seat = winners.length + 1;
      const broken = electOneOf(
        top.map((i) => options[i]!),
        tieBreaker,
        seats === 1 ? "election" : `election to seat ${seat}`,
        seat === 1 ? rule.firstSeat : rule.laterSeat(seat),
      );
      chosen = options.indexOf(broken.elected);
      tieBreaks.push(broken.tieBreak);
    }
    winners.push(options[chosen]!);
    unplaced.delete(chosen);
  }
  return { winners, tieBreaks };
}
