import type { CountInput, CountingMethod, CountResult, MethodName, TieBreak } from "./counting-method";
import { checkOptions, checkSeats, checkWeight } from "./count-checks";
import { byRule, listed, orderTied, plural, seatsDecided } from "./tie-words";

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

  // Options with any vote, most first; equal votes in ballot order (the sort is stable).
  const ranked = options.map((id, i) => ({ id, votes: votes[i]! })).filter((o) => o.votes > 0);
  ranked.sort((a, b) => b.votes - a.votes);
  const winners: string[] = [];
  const tieBreaks: TieBreak[] = [];
  for (let start = 0; start < ranked.length && winners.length < seats;) {
    let end = start;
    while (end < ranked.length && ranked[end]!.votes === ranked[start]!.votes) end++;
    const group = ranked.slice(start, end).map((o) => o.id);
    const left = seats - winners.length;
    if (group.length <= left) {
      winners.push(...group);
    } else {
      const deciding = seatsDecided(left, seats);
      const chosen = orderTied(tieBreaker, group, `round 1: ${deciding}`).slice(0, left);
      winners.push(...chosen);
      tieBreaks.push({
        round: 1,
        deciding,
        between: group,
        chosen,
        rule: tieBreaker.rule,
        explanation:
          `${listed(group)} tied with ${plural(ranked[start]!.votes, "vote")} each for ${deciding}; ` +
          `${byRule[tieBreaker.rule]}, ${listed(chosen)} ${chosen.length === 1 ? "is" : "are"} elected.`,
      });
    }
    start = end;
  }

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
