/** Names of the counters a tally keeps per election; option counters are `<question>#<option>`. */
export const TURNOUT = "__turnout";
export const QUARANTINED = "__quarantined";
export const ABSTAIN = "__abstain";

export const optionCounter = (questionId: string, optionId: string) => `${questionId}#${optionId}`;
