import { z } from "zod";
import { hexOf, type Sha256 } from "../audit/sha256";
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
  const draw = (questionId: string, what: string) =>
    hexOf(sha256(encoder.encode(`landslide-option-order\n${election.id}\n${voterKey}\n${questionId}\n${what}`)));
  return Object.fromEntries(
    election.questions.map((question) => {
      const ids = question.options.map((o) => o.id);
      if (rule === "rotated") {
        // 48 bits of the draw: the remainder's bias over at most 50 options is below 10^-12.
        const start = Number.parseInt(draw(question.id, "rotation").slice(0, 12), 16) % ids.length;
        return [question.id, [...ids.slice(start), ...ids.slice(0, start)]];
      }
      // Sorted by a ticket per option, as the tie lot draws: every order equally likely.
      const tickets = new Map(ids.map((id) => [id, draw(question.id, `option\n${id}`)]));
      return [question.id, [...ids].sort((a, b) => (tickets.get(a)! < tickets.get(b)! ? -1 : 1))];
    }),
  );
}

/** A ballot order read back from outside the process (a stored row, a published bundle). */
export const ballotOrderSchema = z.record(z.string(), z.array(z.string()).readonly()).readonly();
