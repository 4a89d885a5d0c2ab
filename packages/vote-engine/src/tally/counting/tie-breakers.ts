import { hexOf, type Sha256 } from "../../audit/sha256";
import type { TieBreaker } from "./counting-method";

/**
 * The three ways an election may declare to settle a tie its method's own rules leave open.
 * Each is reproducible by anyone holding the published election: nothing is drawn at count time.
 */

/** The option that comes first in the ballot's order is favoured (the platform's default). */
export function optionOrderTieBreaker(options: readonly string[]): TieBreaker {
  const position = new Map(options.map((id, i) => [id, i]));
  return {
    rule: "option-order",
    order: (tied) => [...tied].sort((a, b) => position.get(a)! - position.get(b)!),
  };
}

/**
 * By lot from a seed published before voting opened: for each decision, the tied options are
 * ordered by SHA-256(seed, the decision's context, the option id), lowest first. A fresh draw per
 * decision, and none of them knowable before the seed is.
 */
export function lotTieBreaker(seed: string, sha256: Sha256): TieBreaker {
  const encoder = new TextEncoder();
  const ticket = (context: string, option: string) =>
    hexOf(sha256(encoder.encode(`landslide-tie-lot\n${seed}\n${context}\n${option}`)));
  return {
    rule: "lot",
    order: (tied, context) =>
      tied
        .map((option) => ({ option, ticket: ticket(context, option) }))
        .sort((a, b) => (a.ticket < b.ticket ? -1 : a.ticket > b.ticket ? 1 : 0))
        .map((drawn) => drawn.option),
  };
}

/**
 * An official's recorded draw (cards, a hat): the whole order of the options as drawn, kept in
 * the election and the audit trail before the count, first drawn most favoured.
 */
export function recordedDrawTieBreaker(drawn: readonly string[]): TieBreaker {
  const position = new Map(drawn.map((id, i) => [id, i]));
  return {
    rule: "recorded-draw",
    order: (tied) => {
      const missing = tied.find((id) => !position.has(id));
      if (missing !== undefined) throw new Error(`the recorded draw does not place option "${missing}"`);
      return [...tied].sort((a, b) => position.get(a)! - position.get(b)!);
    },
  };
}
