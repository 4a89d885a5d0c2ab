import { type ScoreRangeOf, scoreRangeOf } from "@landslide/api/client";
import { standings, type TotalsForStandings } from "./standings";

/**
 * A score question's standings: each option's votes in the snapshot are its TOTAL score (score ×
 * the voter's weight, summed), which only reads as something once it is an average over the votes
 * counted on the question. The snapshot carries no counting method (score voting or STAR), so
 * nothing here says who is elected: only who has the highest average so far.
 */
export type { ScoreRangeOf };

export interface ScoreTotals extends TotalsForStandings {
  /** "scores" for a score question (the snapshot says what its votes count). */
  readonly counts?: string;
  readonly scoreRange?: ScoreRangeOf;
}

export interface OptionScore {
  readonly id: string;
  readonly label: string;
  /** The sum of the scores given to it (weighted). */
  readonly total: number;
  /** The total over the votes counted on the question; undefined while none is. */
  readonly average: number | undefined;
  readonly leading: boolean;
}

export interface ScoreStandings {
  readonly options: readonly OptionScore[];
  readonly range: ScoreRangeOf;
  /** What the averages are over: the votes the counted ballots carry, less the question's abstentions. */
  readonly votesCounted: number;
  /** The options with the highest average; empty while no vote counts. */
  readonly leaders: readonly OptionScore[];
  readonly tied: boolean;
}

/** Whether a question's figures are scores (its average, not its share, is what to show). */
export const countsScores = (question: { readonly kind: string; readonly counts?: string }) =>
  question.counts === "scores" || question.kind === "score";

/**
 * `ballots` is what QuestionResults and the shared summary already take: the votes the counted
 * ballots carry (votesCast: the weighted total with a weighted roll, else the turnout).
 */
export function scoreStandings(question: ScoreTotals, ballots: number): ScoreStandings {
  const votesCounted = Math.max(0, ballots - question.abstentions);
  // Every option is averaged over the same votes: the highest total is the highest average.
  const byTotal = standings(question);
  const options = byTotal.options.map((o) => ({
    id: o.id,
    label: o.label,
    total: o.votes,
    average: votesCounted === 0 ? undefined : o.votes / votesCounted,
    leading: votesCounted > 0 && o.leading,
  }));
  const leaders = options.filter((o) => o.leading);
  return { options, range: scoreRangeOf(question), votesCounted, leaders, tied: leaders.length > 1 };
}

/** "4.2": one decimal, always (so "4.0" reads as a score, as its neighbours do), in the viewer's locale. */
export function formatAverage(average: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(average);
}

/** 0–1: how much of the bar an average fills, the range's highest score filling it all. */
export const averageLength = (average: number | undefined, range: ScoreRangeOf) =>
  average === undefined || range.max <= 0 ? 0 : Math.min(1, Math.max(0, average / range.max));
