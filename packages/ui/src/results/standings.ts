/**
 * A question's standings as people read them: each option's share, who leads, and whether the
 * lead is shared. Pure, so the public page, the console, the certification dialog and the embed
 * widget all say the same thing about the same numbers.
 */
export interface TotalsForStandings {
  readonly kind: string;
  readonly options: ReadonlyArray<{ readonly id: string; readonly label: string; readonly votes: number }>;
  readonly abstentions: number;
}

export interface OptionStanding {
  readonly id: string;
  readonly label: string;
  readonly votes: number;
  /**
   * 0–1. For single and ranked questions, of the votes given to options; for multi-choice ones, of
   * the ballots that answered the question (each ballot may pick several, so shares add past 100%).
   */
  readonly share: number;
  readonly leading: boolean;
}

export interface Standings {
  readonly options: readonly OptionStanding[];
  /** Votes given to options (sum of the bars); abstentions are apart. */
  readonly votesForOptions: number;
  /** The options with the most votes; empty while nobody has voted for any option. */
  readonly leaders: readonly OptionStanding[];
  /** More than one option shares the most votes. */
  readonly tied: boolean;
}

/** `ballots` is the election's counted ballots (the turnout); multi-choice shares need it. */
export function standings(question: TotalsForStandings, ballots?: number): Standings {
  const votesForOptions = question.options.reduce((sum, o) => sum + o.votes, 0);
  const answering = question.kind === "multi" && ballots !== undefined ? ballots - question.abstentions : undefined;
  const base = answering ?? votesForOptions;
  const top = Math.max(0, ...question.options.map((o) => o.votes));
  const options = question.options.map((o) => ({
    id: o.id,
    label: o.label,
    votes: o.votes,
    share: base <= 0 ? 0 : o.votes / base,
    leading: top > 0 && o.votes === top,
  }));
  const leaders = options.filter((o) => o.leading);
  return { options, votesForOptions, leaders, tied: leaders.length > 1 };
}

/** "42.9%": one decimal, in the viewer's locale; "0%" and "100%" without a decimal. */
export function formatShare(share: number, locale?: string): string {
  const digits = share === 0 || share === 1 ? 0 : 1;
  return new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}
