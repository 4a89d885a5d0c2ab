import { standings, votesCast } from "@landslide/api/client";
import { type ResultsSnapshot, type ScoreRange, scoreRangeOf } from "@landslide/vote-engine";

/**
 * A question's standings as the CLI prints them and --json carries them: each option's share, who
 * leads, whether the lead is shared, by the same rules as the web pages (`standings` of the SDK),
 * with a share of null rather than 0 while there is nothing to take a share of.
 */
type Question = ResultsSnapshot["questions"][number];

export interface OptionStanding {
  readonly id: string;
  readonly label: string;
  readonly votes: number;
  /** 0–1; null while there is nothing to take a share of. */
  readonly share: number | null;
  readonly leading: boolean;
}

export interface QuestionStandings {
  readonly options: readonly OptionStanding[];
  /** The ids of the options with the most votes; empty before any vote for an option. */
  readonly leaders: readonly string[];
  readonly tied: boolean;
}

export function questionStandings(question: Question, ballots: number): QuestionStandings {
  const s = standings(question, ballots);
  const options = s.options.map((o) => ({ ...o, share: s.shareOf > 0 ? o.share : null }));
  return { options, leaders: s.leaders.map((o) => o.id), tied: s.tied };
}

/** "66.7%", one decimal always (columns line up); "—" when there is nothing to take a share of. */
export const percent = (share: number | null) => (share === null ? "—" : `${(100 * share).toFixed(1)}%`);

const votes = (n: number) => `${n} ${n === 1 ? "vote" : "votes"}`;

/**
 * The line under a question's table: who leads, or that the lead is shared (a tie), with votes and
 * share. "final" (a certified result, whose count the recount has confirmed) says who won instead.
 */
export function leadLine(kind: Question["kind"], s: QuestionStandings, outcome: "live" | "final"): string {
  const leaders = s.options.filter((o) => o.leading);
  const first = leaders[0];
  if (!first) return "No votes for any option yet.";
  const names = new Intl.ListFormat("en").format(leaders.map((o) => o.label));
  const onFirst = kind === "ranked" ? " on first preferences" : "";
  if (s.tied)
    return `Tied${outcome === "final" ? " for most votes" : " for the lead"}${onFirst}: ${names}, ${votes(first.votes)} each (${percent(first.share)}).`;
  const figures = `${first.label}, ${votes(first.votes)} (${percent(first.share)})`;
  if (outcome === "live") return `Leading${onFirst}: ${figures}.`;
  if (kind === "ranked") return `Most first preferences: ${figures}; the instant-runoff rounds decide the winner.`;
  return kind === "single" ? `Winner: ${figures}.` : `Most votes: ${figures}.`;
}

/**
 * A score question's standings: each option's average score beside its total (the snapshot's
 * `votes`), who has the highest. The averages are over the votes counted on the question, the
 * ballots' (or with a weighted roll their weights') less the abstentions; the options have the
 * same ones, so the highest average is the highest total.
 */
export interface ScoreStandings {
  /** Ballot order, as the snapshot has them. */
  readonly options: ReadonlyArray<OptionStanding & { readonly average: number | null }>;
  /** The votes each average is over; 0 before any ballot scores the question. */
  readonly scoredBy: number;
  readonly leaders: readonly string[];
  readonly tied: boolean;
  readonly scoreRange: ScoreRange;
}

export function scoreStandings(question: Question, ballots: number): ScoreStandings {
  const scoredBy = Math.max(0, ballots - question.abstentions);
  // Leaders as for any question (the most "votes", here points); shares of a sum of points mean nothing.
  const s = standings(question, ballots);
  const options = s.options.map((o) => ({
    ...o,
    share: null,
    average: scoredBy > 0 ? o.votes / scoredBy : null,
  }));
  return {
    options,
    scoredBy,
    leaders: s.leaders.map((o) => o.id),
    tied: s.tied,
    scoreRange: scoreRangeOf(question),
  };
}

/** "3.2": an average score, one decimal always (columns line up); "—" before any ballot scores the question. */
export const average = (value: number | null) => (value === null ? "—" : value.toFixed(1));

const points = (n: number) => `${n} ${n === 1 ? "point" : "points"}`;

/** The line under a score question's table: the highest average, or that it is shared, with its total. */
export function scoreLeadLine(s: ScoreStandings): string {
  const leaders = s.options.filter((o) => o.leading);
  const first = leaders[0];
  if (!first) return "No scores yet.";
  if (s.tied) {
    const names = new Intl.ListFormat("en").format(leaders.map((o) => o.label));
    return `Tied for the highest average: ${names}, ${average(first.average)} each (${points(first.votes)}).`;
  }
  return `Highest average: ${first.label}, ${average(first.average)} (${points(first.votes)}).`;
}

/**
 * The snapshot as --json gives it: the same document, each question with its shares, leaders and
 * tie; a score question's options with their average score instead of a share (null).
 */
export function withStandings(snapshot: ResultsSnapshot) {
  return {
    ...snapshot,
    questions: snapshot.questions.map((q) => {
      const s = q.kind === "score" ? scoreStandings(q, votesCast(snapshot)) : questionStandings(q, votesCast(snapshot));
      return { ...q, options: s.options, leaders: s.leaders, tied: s.tied };
    }),
  };
}
