import type { Election, QuestionKind } from "../election/definition";
import { ABSTAIN, optionCounter, QUARANTINED, TURNOUT, VERSION } from "./counter-keys";

export interface ResultsSnapshot {
  readonly electionId: string;
  /** Grows with every change the aggregator applies: a client keeps the newest it has seen. */
  readonly version: number;
  readonly asOf: string;
  readonly turnout: number;
  /** Votes waiting for an official's review; not in any count below. */
  readonly quarantined: number;
  readonly questions: ReadonlyArray<{
    readonly id: string;
    readonly kind: QuestionKind;
    readonly prompt: string;
    /** For ranked questions, live counts are first preferences; the rounds come with the final result. */
    readonly counts: "choices" | "first-preferences";
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
    quarantined: n(QUARANTINED),
    questions: election.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      counts: q.kind === "ranked" ? "first-preferences" : "choices",
      abstentions: n(optionCounter(q.id, ABSTAIN)),
      options: q.options.map((o) => ({ id: o.id, label: o.label, votes: n(optionCounter(q.id, o.id)) })),
    })),
  };
}
