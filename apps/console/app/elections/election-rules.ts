import type { Eligibility, PasskeyPolicy } from "./form/draft";

/**
 * The words for an election's rules, shared by the form that sets them and the election's page
 * that shows them, so an official reads the same sentence in both places.
 */
export interface RuleChoice<T extends string> {
  readonly value: T;
  readonly label: string;
  /** The trade-off, in one line. */
  readonly hint: string;
}

export const eligibilityChoices: ReadonlyArray<RuleChoice<Eligibility>> = [
  { value: "any-signed-in-voter", label: "Anyone signed in", hint: "Every voter with an account may vote, once." },
  {
    value: "voter-roll",
    label: "People on a voter roll",
    hint: "Only the e-mail addresses or ids you import on the election’s roll page may vote.",
  },
];

/** What a passkey is, said once above the choices; the hints then only weigh the trade-off. */
export const passkeyExplained =
  "A passkey is a key kept on the voter’s phone or computer and unlocked by their fingerprint, face or screen lock. A bot farm cannot make thousands of them for free, but some voters’ devices have none.";

export const passkeyPolicyChoices: ReadonlyArray<RuleChoice<PasskeyPolicy>> = [
  {
    value: "optional",
    label: "Any signed-in device (a passkey is optional)",
    hint: "Nobody is shut out; every ballot goes through the usual fraud checks, with or without a passkey.",
  },
  {
    value: "review-without",
    label: "Devices without a passkey: hold their ballots for review",
    hint: "Everyone can vote, but a ballot from a device without a passkey waits in Fraud review until an official counts or voids it.",
  },
  {
    value: "required",
    label: "Only devices with a passkey",
    hint: "Strongest against bot farms, but voters whose devices have no passkey cannot vote at all.",
  },
];

/** The choice for a stored value; one this console does not know yet (from a newer API) shows as itself. */
export function ruleChoice<T extends string>(choices: ReadonlyArray<RuleChoice<T>>, value: T): RuleChoice<T> {
  return choices.find((choice) => choice.value === value) ?? { value, label: value, hint: "" };
}
