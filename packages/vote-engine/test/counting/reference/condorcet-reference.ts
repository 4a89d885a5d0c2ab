import type { TieBreaker, WeightedBallot } from "../../../src/tally/counting/counting-method";

/**
 * A second, deliberately naive implementation of the Schulze and ranked-pairs rules, used only by
 * the tests to check the real one. It shares no code with src/: it expands weighted ballots into
 * one ballot per vote, compares every pair of options on every ballot, finds strongest paths by
 * walking every simple path, and checks for a cycle with a fresh depth-first search each time it
 * considers a majority. Slow, and meant to be obviously right for 3–6 options.
 *
 * The rules it follows (as stated in the methods' doc comments):
 * - a ballot prefers X to Y when it ranks X and ranks Y later or not at all; an empty ranking
 *   takes no part; only options some ballot ranks can win;
 * - Schulze: a link X→Y of strength d[X][Y] when d[X][Y] > d[Y][X]; a path is as strong as its
 *   weakest link; the winners are the options X with strongest(X, Y) >= strongest(Y, X) for all Y;
 * - ranked pairs: majorities sorted by winning votes, then smaller opposition, then (equal in
 *   both) the lower-placed loser first, then the higher-placed winner, places from the
 *   tie-breaker's order of all options; a majority is skipped when adding it would make a cycle;
 *   the winners are the options with no locked majority against them;
 * - when several winners remain, the tie-breaker's first choice among them wins.
 */

type Ballot = readonly string[];

function expand(ballots: ReadonlyArray<WeightedBallot<{ ranking: readonly string[] }>>): Ballot[] {
  const one: Ballot[] = [];
  for (const { marks, weight } of ballots) for (let k = 0; k < weight; k++) one.push(marks.ranking);
  return one;
}

function prefers(ballot: Ballot, x: string, y: string): boolean {
  const rx = ballot.indexOf(x);
  const ry = ballot.indexOf(y);
  if (rx < 0) return false;
  return ry < 0 || rx < ry;
}

export interface ReferencePairwise {
  readonly matrix: Record<string, Record<string, number>>;
  readonly condorcetWinner: string | null;
  readonly abstentions: number;
  /** Options some ballot ranks. */
  readonly eligible: string[];
}

export function referencePairwise(
  options: readonly string[],
  ballots: ReadonlyArray<WeightedBallot<{ ranking: readonly string[] }>>,
): ReferencePairwise {
  const all = expand(ballots);
  const voting = all.filter((b) => b.length > 0);
  const matrix: Record<string, Record<string, number>> = {};
  for (const x of options) {
    matrix[x] = {};
    for (const y of options) {
      if (x !== y) matrix[x][y] = voting.filter((b) => prefers(b, x, y)).length;
    }
  }
  const beatsAll = options.filter((x) => options.every((y) => x === y || matrix[x]![y]! > matrix[y]![x]!));
  return {
    matrix,
    condorcetWinner: voting.length > 0 && beatsAll.length === 1 ? beatsAll[0]! : null,
    abstentions: all.length - voting.length,
    eligible: options.filter((x) => voting.some((b) => b.includes(x))),
  };
}

/** The strongest path from x to y, by trying every simple path. */
function strongest(options: readonly string[], d: ReferencePairwise["matrix"], x: string, y: string): number {
  const link = (a: string, b: string) => (d[a]![b]! > d[b]![a]! ? d[a]![b]! : 0);
  let best = 0;
  const walk = (at: string, visited: Set<string>, weakest: number) => {
    for (const next of options) {
      if (visited.has(next) || link(at, next) === 0) continue;
      const strength = Math.min(weakest, link(at, next));
      if (next === y) best = Math.max(best, strength);
      else walk(next, new Set([...visited, next]), strength);
    }
  };
  walk(x, new Set([x]), Infinity);
  return best;
}

export interface ReferenceSchulze extends ReferencePairwise {
  readonly strongestPaths: Record<string, Record<string, number>>;
  /** Every Schulze winner, in ballot order. */
  readonly schulzeWinners: string[];
  readonly winner: string | null;
}

export function referenceSchulze(
  options: readonly string[],
  ballots: ReadonlyArray<WeightedBallot<{ ranking: readonly string[] }>>,
  tieBreaker: TieBreaker,
): ReferenceSchulze {
  const pairwise = referencePairwise(options, ballots);
  const p: Record<string, Record<string, number>> = {};
  for (const x of options) {
    p[x] = {};
    for (const y of options) if (x !== y) p[x][y] = strongest(options, pairwise.matrix, x, y);
  }
  const schulzeWinners = pairwise.eligible.filter((x) => options.every((y) => x === y || p[x]![y]! >= p[y]![x]!));
  const winner = schulzeWinners.length === 0 ? null : tieBreaker.order(schulzeWinners, "reference")[0]!;
  return { ...pairwise, strongestPaths: p, schulzeWinners, winner };
}

function hasCycle(options: readonly string[], edges: ReadonlyArray<readonly [string, string]>): boolean {
  const state = new Map<string, "open" | "done">();
  const visit = (at: string): boolean => {
    state.set(at, "open");
    for (const [from, to] of edges) {
      if (from !== at) continue;
      if (state.get(to) === "open") return true;
      if (state.get(to) === undefined && visit(to)) return true;
    }
    state.set(at, "done");
    return false;
  };
  return options.some((o) => state.get(o) === undefined && visit(o));
}

export interface ReferenceRankedPairs extends ReferencePairwise {
  /** The majorities kept, as [winner, loser], in the order they were locked. */
  readonly locked: Array<[string, string]>;
  readonly winner: string | null;
}

export function referenceRankedPairs(
  options: readonly string[],
  ballots: ReadonlyArray<WeightedBallot<{ ranking: readonly string[] }>>,
  tieBreaker: TieBreaker,
): ReferenceRankedPairs {
  const pairwise = referencePairwise(options, ballots);
  const d = pairwise.matrix;
  const place = new Map(tieBreaker.order([...options], "reference").map((o, i) => [o, i]));
  const majorities: Array<[string, string]> = [];
  for (const x of options) for (const y of options) if (x !== y && d[x]![y]! > d[y]![x]!) majorities.push([x, y]);
  const key = ([w, l]: [string, string]) => [-d[w]![l]!, d[l]![w]!, -place.get(l)!, place.get(w)!];
  majorities.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! - kb[i]!;
    return 0;
  });
  const locked: Array<[string, string]> = [];
  for (const pair of majorities) if (!hasCycle(options, [...locked, pair])) locked.push(pair);
  const sources = pairwise.eligible.filter((x) => !locked.some(([, loser]) => loser === x));
  const winner = sources.length === 0 ? null : tieBreaker.order(sources, "reference")[0]!;
  return { ...pairwise, locked, winner };
}
