import type { TieBreaker, TieRuleName } from "./counting-method";

/**
 * Asking the election's tie breaker, and saying what it decided in words a person reads in the
 * results: shared by every method so that a tie reads the same whichever method met it.
 */

/**
 * The tie breaker's order of the tied options, checked to be an order of exactly those options:
 * a count must never go on with an option the tie breaker made up or dropped.
 */
export function orderTied(tieBreaker: TieBreaker, tied: readonly string[], context: string): string[] {
  const order = tieBreaker.order(tied, context);
  if (order.length !== tied.length || new Set(order).size !== tied.length || !order.every((o) => tied.includes(o))) {
    throw new Error(`the ${tieBreaker.rule} tie breaker did not order exactly the tied options (${context})`);
  }
  return order;
}

/** How a tie breaker that favours the front of its order decides, as a clause. */
export const byRule: Readonly<Record<TieBreaker["rule"], string>> = {
  "option-order": "by the ballot order (the option listed first is favoured)",
  lot: "by lot drawn from the published seed",
  "recorded-draw": "by the officials' recorded draw",
};

/** The election's tie rule as a noun phrase, for a TieBreak's explanation. */
export function ruleInWords(rule: TieRuleName): string {
  switch (rule) {
    case "option-order":
      return "the ballot's option order";
    case "lot":
      return "the lot drawn from the published seed";
    case "recorded-draw":
      return "the officials' recorded draw";
    case "look-back":
      return "an earlier round";
  }
}

/** Which seats a tie at the boundary decides: "the seat", "the last of 3 seats", "the last 2 of 3 seats". */
export function seatsDecided(left: number, seats: number): string {
  if (seats === 1) return "the seat";
  if (left === 1) return `the last of ${seats} seats`;
  return `the last ${left} of ${seats} seats`;
}

/** "a", "a and b", "a, b and c". */
export function listed(ids: readonly string[]): string {
  return ids.length <= 1 ? ids.join("") : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
