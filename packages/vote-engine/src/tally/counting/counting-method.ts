/**
 * The seam every counting method sits behind. A method is one file in this folder: it says which
 * kind of marks it reads, checks an answer, and counts a question's ballots into rounds, winners
 * and the ties it met. The recount, the results snapshot, the exports and the audit bundle carry
 * its result as it is; the audit verifier recounts with the same function.
 *
 * Counting is exact: every ballot carries a positive integer weight (1 for an unweighted roll; a
 * roll with fixed-decimal weights is scaled to integers by the caller, which reports the scale),
 * so every method that only adds weights counts in integers. The single transferable vote methods
 * use the arithmetic their published rules prescribe (see each file).
 */

/** What a voter marks on a question, by the kind of method that reads it. */
export type Marks =
  /** Options chosen, no order (plurality, approval). */
  | { readonly choices: readonly string[] }
  /** Options in preference order, most preferred first; partial rankings allowed. */
  | { readonly ranking: readonly string[] }
  /** A score per option, within the question's range; an option left out scores the minimum. */
  | { readonly scores: Readonly<Record<string, number>> };

export type MarksKind = "choices" | "ranking" | "scores";

/** One ballot (or many identical ones grouped), as a method counts it. */
export interface WeightedBallot<M extends Marks = Marks> {
  readonly marks: M;
  /** A positive integer: how many votes these marks are worth. */
  readonly weight: number;
}

/** A tie the count met and how it was broken: every one is shown and audited. */
export interface TieBreak {
  /** The round it arose in (1-based; 0 for a method without rounds). */
  readonly round: number;
  /** What was being decided, in plain words: "elimination", "election", "last seat", "runoff finalist"... */
  readonly deciding: string;
  /** The options that were tied, in ballot order. */
  readonly between: readonly string[];
  /** The option(s) the break chose for that decision. */
  readonly chosen: readonly string[];
  /** Which rule decided: "look-back" (an earlier round), "option-order", "lot" or "recorded-draw". */
  readonly rule: TieRuleName;
  /** One sentence a person can read: why these, by which rule. */
  readonly explanation: string;
}

/** One round of a count; methods without rounds report one. */
export interface CountRound {
  readonly round: number;
  /** Votes (weights) per option still in the count this round; for score, the total score. */
  readonly tallies: Readonly<Record<string, number>>;
  /** Weight of ballots with no continuing option left, cumulative (ranked methods). */
  readonly exhausted?: number;
  /** Elected at the end of this round. */
  readonly elected: readonly string[];
  /** Eliminated at the end of this round. */
  readonly eliminated: readonly string[];
  /**
   * Votes moved at the end of this round, from an elected or eliminated option: to each
   * continuing option, and out of the count (exhausted). STV and IRV report them; they are what
   * people check.
   */
  readonly transfers?: ReadonlyArray<{
    readonly from: string;
    readonly to: Readonly<Record<string, number>>;
    readonly exhausted: number;
  }>;
  /** For STV: the quota this round, and each option's keep value (Meek). */
  readonly quota?: number;
  readonly keepValues?: Readonly<Record<string, number>>;
}

export interface CountResult {
  readonly method: MethodName;
  readonly seats: number;
  readonly rounds: readonly CountRound[];
  /** In the order they were elected; fewer than `seats` only when fewer options got any vote. */
  readonly winners: readonly string[];
  readonly tieBreaks: readonly TieBreak[];
  /** Total weight of the ballots that marked nothing (abstentions): they take no part. */
  readonly abstentions: number;
  /** Condorcet methods: how many voters prefer row over column, and the Condorcet winner if one exists. */
  readonly pairwise?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly condorcetWinner?: string | null;
}

export const methodNames = [
  "plurality",
  "approval",
  "instant-runoff",
  "stv-meek",
  "stv-scottish",
  "schulze",
  "ranked-pairs",
  "score",
  "star",
  "borda",
] as const;
export type MethodName = (typeof methodNames)[number];

export const tieRuleNames = ["look-back", "option-order", "lot", "recorded-draw"] as const;
export type TieRuleName = (typeof tieRuleNames)[number];

/**
 * The last word on a tie that the method's own rules (e.g. looking back at earlier rounds) left
 * open. `order` puts the tied options from most to least favoured by the election's declared
 * rule; a method electing takes from the front, one eliminating takes from the back.
 */
export interface TieBreaker {
  readonly rule: Exclude<TieRuleName, "look-back">;
  /** `context` names the decision (round and what is decided): a lot draws afresh for each. */
  order(tied: readonly string[], context: string): string[];
}

/** What a method is given for one question. */
export interface CountInput<M extends Marks = Marks> {
  /** Option ids in ballot order. */
  readonly options: readonly string[];
  /** How many winners: 1 for single-winner methods. */
  readonly seats: number;
  readonly ballots: ReadonlyArray<WeightedBallot<M>>;
  readonly tieBreaker: TieBreaker;
  /** Score and STAR: the range of a score (e.g. 0 to 5). */
  readonly scoreRange?: { readonly min: number; readonly max: number };
  /** Instant runoff: eliminate at once every option that cannot win (as certified tabulators may). */
  readonly batchElimination?: boolean;
}

export interface CountingMethod<M extends Marks = Marks> {
  readonly name: MethodName;
  readonly marks: MarksKind;
  /** Whether it fills more than one seat. */
  readonly multiSeat: boolean;
  count(input: CountInput<M>): CountResult;
}
