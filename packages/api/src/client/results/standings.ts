/**
 * A question's standings as people read them: each option's share, who leads, and whether the
 * lead is shared. Pure and in the SDK, so the public page, the console, the certification dialog,
 * the embed widget and the CLI all say the same thing about the same numbers.
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
  /** What the shares are of (see OptionStanding.share); 0 while there is nothing to take a share of. */
  readonly shareOf: number;
  /** The options with the most votes; empty while nobody has voted for any option. */
  readonly leaders: readonly OptionStanding[];
  /** More than one option shares the most votes. */
  readonly tied: boolean;
}

/**
 * The votes the counted ballots carry: their number (the turnout), or with a weighted roll the sum
 * of their weights. What a multi-choice question's shares are taken of (`standings`' `ballots`).
 */
export function votesCast(results: { readonly turnout: number; readonly weightedVotes?: number }): number {
  return results.weightedVotes ?? results.turnout;
}

/** `ballots` is the votes the counted ballots carry (votesCast); multi-choice shares need it. */
export function standings(question: TotalsForStandings, ballots?: number): Standings {
  const votesForOptions = question.options.reduce((sum, o) => sum + o.votes, 0);
  const answering = question.kind === "multi" && ballots !== undefined ? ballots - question.abstentions : undefined;
  const shareOf = Math.max(0, answering ?? votesForOptions);
  const top = Math.max(0, ...question.options.map((o) => o.votes));
  const options = question.options.map((o) => ({
    id: o.id,
    label: o.label,
    votes: o.votes,
    share: shareOf === 0 ? 0 : o.votes / shareOf,
    leading: top > 0 && o.votes === top,
  }));
  const leaders = options.filter((o) => o.leading);
  return { options, votesForOptions, shareOf, leaders, tied: leaders.length > 1 };
}
