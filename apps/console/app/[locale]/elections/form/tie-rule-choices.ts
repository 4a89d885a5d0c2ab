import type { Translate } from "../../../../i18n/english";
import type { RuleChoice } from "../election-rules";
import type { TieRuleName } from "./draft";

/**
 * How an election settles a tie its counting leaves open (vote-engine tie-rule.ts), as the builder
 * offers it: by the ballot's option order, by lot from a seed published with the election, or by
 * a draw an official made (cards, a hat) and records here, question by question (tie-rule-editor.tsx;
 * the order kept complete by recorded-draw.ts).
 */

/** The seed's length, as the API takes it: long enough that nobody guesses it before it is published. */
export const SEED_LIMITS = { min: 16, max: 200 } as const;

/** What the API refuses in stored text (plain-text.ts): controls, line breaks, text-direction overrides. */
export const UNPRINTABLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

const TIE_RULES: readonly TieRuleName[] = ["option-order", "lot", "recorded-draw"];

export function tieRuleChoices(t: Translate): ReadonlyArray<RuleChoice<TieRuleName>> {
  return TIE_RULES.map((value) => ({
    value,
    label: t(`form.ties.rules.${value}.label`),
    hint: t(`form.ties.rules.${value}.hint`),
  }));
}

/**
 * 32 letters and digits without the look-alikes (l, o, 0, 1), so that a seed read aloud or copied
 * by hand at a public draw comes out the same.
 */
const SEED_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
const RANDOM_SEED_LENGTH = 32;

/** A seed nobody chose: 32 characters, 160 bits from the browser's cryptographic generator. */
export function randomSeed(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(RANDOM_SEED_LENGTH));
  // 256 is a multiple of the alphabet's 32, so every character is equally likely.
  return Array.from(bytes, (byte) => SEED_ALPHABET[byte % SEED_ALPHABET.length]).join("");
}
