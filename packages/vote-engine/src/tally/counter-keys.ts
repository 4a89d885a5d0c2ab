/** Names of the counters a tally keeps per election; option counters are `<question>#<option>`. */
export const TURNOUT = "__turnout";
export const QUARANTINED = "__quarantined";
export const ABSTAIN = "__abstain";
/** How many change records have been applied for the election: grows with every batch, so it versions snapshots. */
export const VERSION = "__version";

export const optionCounter = (questionId: string, optionId: string) => `${questionId}#${optionId}`;
