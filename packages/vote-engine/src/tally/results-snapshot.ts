import { countingOf, type QuestionCounting } from "../election/counting-rules";
import type { Election, QuestionKind } from "../election/definition";
import { type ScoreRange, scoreRangeOf } from "../election/score-range";
import { ABSTAIN, EXTRA_WEIGHT, optionCounter, QUARANTINED, TURNOUT, VERSION } from "./counter-keys";

export interface ResultsSnapshot {
  readonly electionId: string;
  /** Grows with every change the aggregator applies: a client keeps the newest it has seen. */
  readonly version: number;
  readonly asOf: string;
  /** People whose ballots count. */
  readonly turnout: number;
  /**
   * In an election with a weighted roll, the votes' worth those ballots carry (the sum of their
   * weights), which every option's votes are counted in; absent when every ballot weighs 1.
   */
  readonly weightedVotes?: number;
  /** Votes waiting for an official's review; not in any count below. */
  readonly quarantined: number;
  readonly questions: ReadonlyArray<{
    readonly id: string;
    readonly kind: QuestionKind;
    readonly prompt: string;
    /**
     * What an option's `votes` count: choices; for ranked questions first preferences (the rounds
     * come with the final result); for score questions its total score, the sum of score × weight
     * (its average is that over the votes counted on the question: weighted turnout less abstentions).
     */
    readonly counts: "choices" | "first-preferences" | "scores";
    /**
     * How the question is counted and the seats it fills, so live results can say what the final
     * count will do (STAR's runoff, STV's seats). Optional for snapshots from servers before it.
     */
    readonly counting?: QuestionCounting;
    /** Score questions only: the scores a voter could give. */
    readonly scoreRange?: ScoreRange;
    readonly abstentions: number;
    readonly options: ReadonlyArray<{ readonly id: string; readonly label: string; readonly votes: number }>;
  }>;
}

/** Live results from the tally counters, shaped by the election's questions. */
export function buildResultsSnapshot(
  election: Election,
  counters: ReadonlyMap<string, number>,
  asOf: Date,
): ResultsSnapshot {
  const n = (key: string) => counters.get(key) ?? 0;
  return {
    electionId: election.id,
    version: n(VERSION),
    asOf: asOf.toISOString(),
    turnout: n(TURNOUT),
    ...(n(EXTRA_WEIGHT) !== 0 ? { weightedVotes: n(TURNOUT) + n(EXTRA_WEIGHT) } : {}),
    quarantined: n(QUARANTINED),
    questions: election.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      counts: q.kind === "ranked" ? "first-preferences" : q.kind === "score" ? "scores" : "choices",
      counting: countingOf(q),
      ...(q.kind === "score" ? { scoreRange: scoreRangeOf(q) } : {}),
      abstentions: n(optionCounter(q.id, ABSTAIN)),
      options: q.options.map((o) => ({ id: o.id, label: o.label, votes: n(optionCounter(q.id, o.id)) })),
    })),
  };
}
