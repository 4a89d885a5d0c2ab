import { countChoices } from "./approval";
import type { CountingMethod } from "./counting-method";

/**
 * Plurality: each voter chooses one option, and the `seats` options with the most votes win.
 * One round.
 *
 * With one seat this is single-member plurality ("first past the post"). With more seats each
 * voter STILL has one vote, not one per seat: the options with the most votes fill the seats,
 * which is what the literature calls the single non-transferable vote (SNTV). It is not
 * plurality block voting, where each voter may choose up to `seats` options; an election that
 * wants several choices per voter uses approval.
 *
 * Rules (the recount and the audit verifier use this code):
 * 1. A ballot chooses at most one option; more than one is refused (an Error: the ballot form
 *    never allows it). A ballot that chooses nothing is an abstention and takes no part.
 * 2. Each ballot adds its weight (a positive integer) to its option. The options are elected in
 *    order of their votes, most first, until the seats are filled; options with equal votes that
 *    all fit in the seats left are elected together (listed in ballot order).
 * 3. When the options tied at the seat boundary are more than the seats left, the election's
 *    tie breaker orders them and the seats go to the front of its order; the tie is recorded.
 * 4. An option nobody chose is never elected: when fewer options than seats got any vote, fewer
 *    winners are returned and the other seats stay unfilled.
 *
 * The counting itself is approval's (approval.ts) with one choice per ballot.
 */
export const plurality: CountingMethod<{ choices: readonly string[] }> = {
  name: "plurality",
  marks: "choices",
  multiSeat: true,
  count: (input) => countChoices(input, "plurality", 1),
};
