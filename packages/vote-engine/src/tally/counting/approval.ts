import type { CountInput, CountingMethod, CountResult, MethodName } from "./counting-method";
import { checkOptions, checkSeats, checkWeight } from "./count-checks";
import { electHighest } from "./elect-highest";

/**
 * Block approval voting ("unlimited voting"): each voter approves any number of options, and the
 * `seats` options approved by the most votes win. One round.
 *
 * Rules (the recount and the audit verifier use this code):
 * 1. A ballot approves a set of options, each at most once; an empty set is an abstention and
 *    takes no part. Each ballot adds its weight (a positive integer) to every option it approves.
 * 2. The options are elected in order of their votes, most first, until the seats are filled.
 *    Options with equal votes that all fit in the seats left are elected together (listed in
 *    ballot order).
 * 3. When the options tied at the seat boundary are more than the seats left, the election's
 *    tie breaker orders them and the seats go to the front of its order; the tie is recorded.
 * 4. An option no ballot approves is never elected: when fewer options than seats got any vote,
 *    fewer winners are returned and the other seats stay unfilled.
 *
 * The published example it is checked against: Wikipedia, "Block approval voting", section
 * "Example with comparison" (a 3-member district of 10,000 voters).
 */
export const approval: CountingMethod<{ choices: readonly string[] }> = {
  name: "approval",
  marks: "choices",
  multiSeat: true,
  count: (input) => countChoices(input, "approval", Infinity),
};

/**
 * The count plurality and approval share: every chosen option gets the ballot's weight, the most
 * voted win. `maxChoices` is how many options one ballot may choose (1 for plurality).
 */
export function countChoices(
  { options, seats, ballots, tieBreaker }: CountInput<{ choices: readonly string[] }>,
  method: MethodName,
  maxChoices: number,
): CountResult {
  checkOptions(options);
  checkSeats(seats);
  const index = new Map(options.map((id, i) => [id, i]));
  const votes = new Array<number>(options.length).fill(0);
  let abstentions = 0;
  for (const ballot of ballots) {
    checkWeight(ballot.weight);
    const { choices } = ballot.marks;
    if (choices.length > maxChoices) {
      throw new Error(
        `a ${method} ballot chooses more than ${maxChoices === 1 ? "one option" : `${maxChoices} options`}`,
      );
    }
    if (new Set(choices).size !== choices.length) throw new Error("a ballot chooses an option twice");
    if (choices.length === 0) abstentions += ballot.weight;
    for (const id of choices) {
      const i = index.get(id);
      if (i === undefined) throw new Error(`a ballot chooses unknown option "${id}"`);
      votes[i]! += ballot.weight;
    }
  }
  for (const total of [...votes, abstentions]) {
    if (!Number.isSafeInteger(total)) throw new Error("the votes add up past exact integer arithmetic");
  }

  // Only options with any vote may be elected.
  const candidates = options.map((id, i) => ({ id, total: votes[i]! })).filter((o) => o.total > 0);
  const { winners, tieBreaks } = electHighest(candidates, seats, tieBreaker, "vote");

  return {
    method,
    seats,
    rounds: [
      {
        round: 1,
        tallies: Object.fromEntries(options.map((id, i) => [id, votes[i]!])),
        elected: winners,
        eliminated: [],
      },
    ],
    winners,
    tieBreaks,
    abstentions,
  };
}
