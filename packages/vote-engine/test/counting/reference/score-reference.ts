import type { TieBreaker } from "../../../src/tally/counting/counting-method";

/**
 * Slow, plain re-implementations of score voting, STAR voting and the Borda count, used only by
 * the tests to check the real counts against. They share no code with src/: every weighted ballot
 * is expanded into that many single ballots and each is looked at on its own, with nothing grouped
 * or cached, and the rules are re-read from their sources (see score.ts, star.ts, borda.ts).
 */

export interface ScoreElection {
  readonly options: readonly string[];
  readonly ballots: ReadonlyArray<{
    readonly marks: { readonly scores: Readonly<Record<string, number>> };
    readonly weight: number;
  }>;
  readonly range: { readonly min: number; readonly max: number };
  readonly seats: number;
  readonly tieBreaker: TieBreaker;
}

export interface RankedElection {
  readonly options: readonly string[];
  readonly ballots: ReadonlyArray<{ readonly marks: { readonly ranking: readonly string[] }; readonly weight: number }>;
  readonly seats: number;
  readonly tieBreaker: TieBreaker;
}

function expand<M>(ballots: ReadonlyArray<{ readonly marks: M; readonly weight: number }>): M[] {
  const single: M[] = [];
  for (const ballot of ballots) for (let k = 0; k < ballot.weight; k++) single.push(ballot.marks);
  return single;
}

/** Every option's score on one ballot, a missing one read as the minimum. */
function scoreOf(scores: Readonly<Record<string, number>>, option: string, min: number): number {
  const given = scores[option];
  return given === undefined ? min : given;
}

function scoresNothing(scores: Readonly<Record<string, number>>, options: readonly string[], min: number): boolean {
  for (const option of options) if (scoreOf(scores, option, min) !== min) return false;
  return true;
}

/**
 * The `seats` highest of `points` among `eligible`, picked one level at a time: take the highest
 * total left; if everyone on it fits, take them all; otherwise the tie breaker's front.
 */
function pickHighest(
  options: readonly string[],
  points: Readonly<Record<string, number>>,
  eligible: (option: string) => boolean,
  seats: number,
  tieBreaker: TieBreaker,
): string[] {
  const winners: string[] = [];
  let left = options.filter(eligible);
  while (winners.length < seats && left.length > 0) {
    let best = -Infinity;
    for (const option of left) if (points[option]! > best) best = points[option]!;
    const level = left.filter((option) => points[option] === best);
    const room = seats - winners.length;
    if (level.length <= room) winners.push(...level);
    else winners.push(...tieBreaker.order(level, "reference").slice(0, room));
    left = left.filter((option) => !level.includes(option));
  }
  return winners;
}

export function referenceScore(election: ScoreElection): {
  totals: Record<string, number>;
  winners: string[];
  abstentions: number;
} {
  const { options, range } = election;
  const totals: Record<string, number> = {};
  const raised: Record<string, boolean> = {};
  for (const option of options) {
    totals[option] = 0;
    raised[option] = false;
  }
  let abstentions = 0;
  for (const { scores } of expand(election.ballots)) {
    if (scoresNothing(scores, options, range.min)) {
      abstentions++;
      continue;
    }
    for (const option of options) {
      const score = scoreOf(scores, option, range.min);
      totals[option] = totals[option]! + score;
      if (score > range.min) raised[option] = true;
    }
  }
  const winners = pickHighest(options, totals, (option) => raised[option]!, election.seats, election.tieBreaker);
  return { totals, winners, abstentions };
}

export function referenceBorda(election: RankedElection): {
  totals: Record<string, number>;
  winners: string[];
  abstentions: number;
} {
  const { options } = election;
  const totals: Record<string, number> = {};
  for (const option of options) totals[option] = 0;
  let abstentions = 0;
  for (const { ranking } of expand(election.ballots)) {
    if (ranking.length === 0) abstentions++;
    // The option in place p (0 first) beats n - 1 - p others; unranked options get nothing.
    for (let place = 0; place < ranking.length; place++) {
      const option = ranking[place]!;
      totals[option] = totals[option]! + (options.length - 1 - place);
    }
  }
  const winners = pickHighest(options, totals, (option) => totals[option]! > 0, election.seats, election.tieBreaker);
  return { totals, winners, abstentions };
}

export interface ReferenceStar {
  totals: Record<string, number>;
  /** In ballot order; empty when no ballot counted. */
  finalists: string[];
  /** For the two finalists (ballot order), and the ballots with no preference. */
  runoff: { first: number; second: number; neither: number } | null;
  winner: string | null;
  abstentions: number;
}

export function referenceStar(election: ScoreElection): ReferenceStar {
  const { options, range, tieBreaker } = election;
  const counted = expand(election.ballots).filter((marks) => !scoresNothing(marks.scores, options, range.min));
  const abstentions = expand(election.ballots).length - counted.length;
  const score = (ballot: { scores: Readonly<Record<string, number>> }, option: string) =>
    scoreOf(ballot.scores, option, range.min);

  const totals: Record<string, number> = {};
  const fiveStars: Record<string, number> = {};
  for (const option of options) {
    totals[option] = 0;
    fiveStars[option] = 0;
    for (const ballot of counted) {
      totals[option] = totals[option] + score(ballot, option);
      if (score(ballot, option) === range.max) fiveStars[option] = fiveStars[option] + 1;
    }
  }
  const beats = (a: string, b: string) => counted.filter((ballot) => score(ballot, a) > score(ballot, b)).length;
  const inBallotOrder = (ids: readonly string[]) => options.filter((option) => ids.includes(option));

  if (counted.length === 0) return { totals, finalists: [], runoff: null, winner: null, abstentions };
  if (options.length === 1) return { totals, finalists: [...options], runoff: null, winner: options[0]!, abstentions };

  // Scoring round: the distinct totals, highest first.
  const levels = [...new Set(Object.values(totals))].sort((x, y) => y - x);
  const top = options.filter((option) => totals[option] === levels[0]);
  let finalists: string[];
  if (top.length === 2) finalists = top;
  else if (top.length > 2) finalists = settleScoringTie(top, 2);
  else {
    const second = options.filter((option) => totals[option] === levels[1]);
    finalists = second.length === 1 ? [...top, ...second] : [...top, ...settleScoringTie(second, 1)];
  }

  function settleScoringTie(tied: string[], places: number): string[] {
    if (tied.length === 2 && places === 1) {
      const [x, y] = tied as [string, string];
      if (beats(x, y) > beats(y, x)) return [x];
      if (beats(y, x) > beats(x, y)) return [y];
    }
    const chosen: string[] = [];
    let pool = [...tied];
    while (chosen.length < places) {
      const most = Math.max(...pool.map((option) => fiveStars[option]!));
      const level = pool.filter((option) => fiveStars[option] === most);
      const room = places - chosen.length;
      if (level.length <= room) chosen.push(...level);
      else chosen.push(...tieBreaker.order(level, "reference").slice(0, room));
      pool = pool.filter((option) => !level.includes(option));
    }
    return chosen;
  }

  const [a, b] = inBallotOrder(finalists) as [string, string];
  const runoff = { first: beats(a, b), second: beats(b, a), neither: 0 };
  runoff.neither = counted.length - runoff.first - runoff.second;
  let winner: string;
  if (runoff.first !== runoff.second) winner = runoff.first > runoff.second ? a : b;
  else if (totals[a] !== totals[b]) winner = totals[a]! > totals[b]! ? a : b;
  else if (fiveStars[a] !== fiveStars[b]) winner = fiveStars[a]! > fiveStars[b]! ? a : b;
  else winner = tieBreaker.order([a, b], "reference")[0]!;
  return { totals, finalists: [a, b], runoff, winner, abstentions };
}
