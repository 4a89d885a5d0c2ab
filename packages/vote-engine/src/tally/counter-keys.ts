/** Names of the counters a tally keeps per election; option counters are `<question>#<option>`. */
export const TURNOUT = "__turnout";
export const QUARANTINED = "__quarantined";
export const ABSTAIN = "__abstain";
/**
 * What weighted ballots add beyond one vote each, Σ(weight − 1): turnout counts people, and
 * turnout plus this is the votes' worth they cast. Absent (zero) in an election without weights.
 */
export const EXTRA_WEIGHT = "__extra_weight";
/** How many change records have been applied for the election: grows with every batch, so it versions snapshots. */
export const VERSION = "__version";

export const optionCounter = (questionId: string, optionId: string) => `${questionId}#${optionId}`;
