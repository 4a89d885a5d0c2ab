import { instantRunoff as instantRunoffMethod } from "./counting/instant-runoff";
import type { CountResult } from "./counting/counting-method";
import { optionOrderTieBreaker } from "./counting/tie-breakers";

/**
 * Instant-runoff count of one ranked question, in the shape the recount, the results and the
 * audit bundle have always carried: one vote per ballot, ties the rounds leave open settled by
 * the ballot's option order.
 *
 * The rules and the counting are the instant-runoff counting method's (counting/instant-runoff.ts);
 * this only maps its result back: the winner, each round's tallies, exhausted ballots and
 * eliminated option, and the sentence saying how a tie was broken.
 */
export interface InstantRunoffInput {
  /** Option ids in ballot order (the order officials defined). */
  readonly options: readonly string[];
  /** Each ballot: option ids in preference order; partial rankings allowed; empty is an abstention. */
  readonly ballots: ReadonlyArray<readonly string[]>;
}

export interface InstantRunoffRound {
  readonly round: number;
  /** Votes per option still in the count. */
  readonly tallies: Readonly<Record<string, number>>;
  /** Ballots with no option left in the count, cumulative. */
  readonly exhausted: number;
  /** Eliminated at the end of this round; empty in the final round. */
  readonly eliminated: readonly string[];
  /** Set when a tie-break decided the elimination, saying which rule. */
  readonly tieBreak?: string;
}

export interface InstantRunoffResult {
  readonly rounds: readonly InstantRunoffRound[];
  /** null only when no ballot ranks anything. */
  readonly winner: string | null;
  readonly abstentions: number;
}

export function instantRunoff({ options, ballots }: InstantRunoffInput): InstantRunoffResult {
  return instantRunoffView(
    instantRunoffMethod.count({
      options,
      seats: 1,
      ballots: ballots.map((ranking) => ({ marks: { ranking }, weight: 1 })),
      tieBreaker: optionOrderTieBreaker(options),
    }),
  );
}

/**
 * An instant-runoff count (the counting method's) in this older shape: what the recount gives a
 * question counted by instant runoff, from its own count, so the view shows the election's tie
 * rule and batch elimination as the count applied them.
 */
export function instantRunoffView(count: CountResult): InstantRunoffResult {
  const tieBreaks = new Map(count.tieBreaks.map((t) => [t.round, t]));
  return {
    rounds: count.rounds.map(({ round, tallies, exhausted = 0, eliminated }) => {
      const tie = tieBreaks.get(round);
      // The option-order sentence is the one this count has always published.
      const tieBreak =
        tie === undefined
          ? undefined
          : tie.rule === "option-order"
            ? `Tie for fewest votes in every round: ${tie.chosen[0]} comes last in the ballot order.`
            : tie.explanation;
      return { round, tallies, exhausted, eliminated, ...(tieBreak === undefined ? {} : { tieBreak }) };
    }),
    winner: count.winners[0] ?? null,
    abstentions: count.abstentions,
  };
}
