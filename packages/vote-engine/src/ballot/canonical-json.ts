import type { CanonicalBallot } from "./validate-ballot";

/** The bytes a commitment and the idempotency check are computed over: stable, whitespace-free. */
export function canonicalBallotJson(ballot: CanonicalBallot): string {
  return JSON.stringify(ballot);
}
