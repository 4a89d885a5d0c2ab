import { z } from "zod";
import type { Sha256 } from "../audit/sha256";
import type { BallotOrder } from "./ballot-order";

export { type BallotOrder, ballotOrderLines } from "./ballot-order";

/**
 * The order a ballot lists each question's options in, declared per election. Voters favour the
 * first options listed (position bias); drawing the order per voter spreads that favour evenly:
 * - "as-listed": every ballot lists the options as the election defines them (the default);
 * - "rotated": each voter's list starts at an option drawn for them and wraps around, so every
 *   option leads on about as many ballots and keeps its neighbours;
 * - "shuffled": each voter's list is a random order of its own.
 * The draw is seeded by the election, the voter's key (an HMAC of their identity that only the
 * vote API can compute) and the question, so a voter sees the same order every time they open the
 * ballot, and the vote API signs that same order into the receipt.
 */
export const optionOrderRules = ["as-listed", "rotated", "shuffled"] as const;
export type OptionOrderRule = (typeof optionOrderRules)[number];
export const optionOrderRuleSchema = z.enum(optionOrderRules);

const encoder = new TextEncoder();

/** The order each question's options are listed in for one voter; undefined when the election lists them as defined. */
export function ballotOrderFor(
  election: {
    readonly id: string;
    readonly optionOrder?: OptionOrderRule | undefined;
    readonly questions: ReadonlyArray<{
      readonly id: string;
      readonly options: ReadonlyArray<{ readonly id: string }>;
    }>;
  },
  voterKey: string,
  sha256: Sha256,
): BallotOrder | undefined {
  const rule = election.optionOrder ?? "as-listed";
  if (rule === "as-listed") return undefined;
  return Object.fromEntries(
    election.questions.map((question) => {
      const ids = question.options.map((o) => o.id);
      const draw = drawFrom(sha256, `landslide-option-order\n${election.id}\n${voterKey}\n${question.id}`);
      if (rule === "rotated") {
        const start = draw(ids.length);
        return [question.id, [...ids.slice(start), ...ids.slice(0, start)]];
      }
      // Fisher–Yates: every order equally likely.
      for (let i = ids.length - 1; i > 0; i--) {
        const j = draw(i + 1);
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      }
      return [question.id, ids];
    }),
  );
}

/**
 * Whole numbers below a bound, drawn from SHA-256 of the seed (then of the seed and a counter,
 * when a digest is used up): 48 bits each, so the remainder's bias over at most 50 options is
 * below 10^-12. One digest serves five draws; this runs on every cast of an election that draws
 * its order, where a digest per option cost more than the receipt's signature.
 */
function drawFrom(sha256: Sha256, seed: string): (below: number) => number {
  const seedBytes = encoder.encode(seed);
  let block = sha256(seedBytes);
  let at = 0;
  let counter = 0;
  return (below) => {
    if (at + 6 > block.length) {
      counter += 1;
      block = sha256(encoder.encode(`${seed}\n${counter}`));
      at = 0;
    }
    let value = 0;
    for (let k = 0; k < 6; k++) value = value * 256 + block[at++]!;
    return value % below;
  };
}

/** A ballot order read back from outside the process (a stored row, a published bundle). */
export const ballotOrderSchema = z.record(z.string(), z.array(z.string()).readonly()).readonly();
