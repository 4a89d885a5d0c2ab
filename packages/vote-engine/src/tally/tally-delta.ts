import { ABSTAIN, EXTRA_WEIGHT, optionCounter, QUARANTINED, TURNOUT, VERSION } from "./counter-keys";
import type { VoteChange } from "./vote-change";

/** Per election, per counter: how much to add. */
export type TallyDelta = Map<string, Map<string, number>>;

/**
 * Folds a batch of vote changes into counter increments. A counted ballot adds one to turnout
 * (turnout counts people) and its weight (1 unless a weighted roll says otherwise) to each chosen
 * option or to the abstentions; a ranked question counts only the first preference live (the
 * instant-runoff rounds come from the recount), and a score question adds each option's score
 * times the weight (its total score: STAR's runoff comes from the recount). Quarantined votes are counted apart until an
 * official decides; a counted vote withheld after all (withholdVote) leaves the count for them.
 */
export function tallyDelta(changes: readonly VoteChange[]): TallyDelta {
  const delta: TallyDelta = new Map();
  const add = (electionId: string, counter: string, n: number) => {
    const counters = delta.get(electionId) ?? new Map<string, number>();
    counters.set(counter, (counters.get(counter) ?? 0) + n);
    delta.set(electionId, counters);
  };
  for (const change of changes) {
    add(change.electionId, VERSION, 1);
    const weight = change.weight ?? 1;
    const counts = (n: number) => {
      add(change.electionId, TURNOUT, n);
      if (weight !== 1) add(change.electionId, EXTRA_WEIGHT, n * (weight - 1));
      for (const [questionId, answer] of change.ballot) {
        if (answer !== "abstain" && "scores" in answer) {
          for (const [optionId, score] of Object.entries(answer.scores))
            if (score !== 0) add(change.electionId, optionCounter(questionId, optionId), n * weight * score);
          continue;
        }
        const counted =
          answer === "abstain" ? [ABSTAIN] : "ranking" in answer ? answer.ranking.slice(0, 1) : answer.choices;
        for (const optionId of counted) add(change.electionId, optionCounter(questionId, optionId), n * weight);
      }
    };
    if (change.kind === "INSERT" && change.state === "accepted") counts(1);
    else if (change.kind === "INSERT" && change.state === "quarantined") add(change.electionId, QUARANTINED, 1);
    else if (change.kind === "MODIFY" && change.state === "released") {
      add(change.electionId, QUARANTINED, -1);
      counts(1);
    } else if (change.kind === "MODIFY" && change.state === "voided") add(change.electionId, QUARANTINED, -1);
    else if (change.kind === "MODIFY" && change.state === "quarantined") {
      counts(-1);
      add(change.electionId, QUARANTINED, 1);
    }
  }
  // Drop counters that cancelled out: they would cost a write for nothing.
  for (const counters of delta.values()) for (const [key, n] of counters) if (n === 0) counters.delete(key);
  return delta;
}
