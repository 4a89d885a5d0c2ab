import type { Translate } from "../../../i18n/english";
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

const ELIGIBILITIES = ["any-signed-in-voter", "voter-roll"] as const satisfies readonly Eligibility[];
const PASSKEY_POLICIES = ["optional", "review-without", "required"] as const satisfies readonly PasskeyPolicy[];

export function eligibilityChoices(t: Translate): ReadonlyArray<RuleChoice<Eligibility>> {
  return ELIGIBILITIES.map((value) => ({
    value,
    label: t(`rules.eligibility.${value}.label`),
    hint: t(`rules.eligibility.${value}.hint`),
  }));
}

/** What a passkey is, said once above the choices; the hints then only weigh the trade-off. */
export const passkeyExplained = (t: Translate) => t("rules.passkeyExplained");

export function passkeyPolicyChoices(t: Translate): ReadonlyArray<RuleChoice<PasskeyPolicy>> {
  return PASSKEY_POLICIES.map((value) => ({
    value,
    label: t(`rules.passkeyPolicy.${value}.label`),
    hint: t(`rules.passkeyPolicy.${value}.hint`),
  }));
}

/** The choice for a stored value; one this console does not know yet (from a newer API) shows as itself. */
export function ruleChoice<T extends string>(choices: ReadonlyArray<RuleChoice<T>>, value: T): RuleChoice<T> {
  return choices.find((choice) => choice.value === value) ?? { value, label: value, hint: "" };
}
