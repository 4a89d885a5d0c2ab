import type { CountInput, CountResult, CountRound, CountingMethod, TieBreak } from "./counting-method";
import { fixedDecimal } from "./fixed-decimal";
import { byVotesDescending, extremes, groupRankedBallots, tieSettler, type PastTallies } from "./ranked-ballots";

/**
 * Single transferable vote counted by the Scottish rules: the weighted inclusive Gregory method.
 *
 * Rules: The Scottish Local Government Elections Order 2007 (SSI 2007/42), Schedule 1, rules 45–52.
 * The recount and the audit verifier use this code.
 *
 * 1. First stage (rule 45): every ballot counts, at value 1 times its weight, for its first
 *    preference. Empty rankings are abstentions and take no part.
 * 2. Quota (rule 46): the valid votes divided by one more than the number of seats, ignoring any
 *    fraction, plus one.
 * 3. Election (rule 47): at the end of any stage, an option whose votes equal or exceed the quota
 *    is elected (several at once: most votes first in the order elected).
 * 4. Surplus (rule 48): while seats remain, the elected option with a surplus (votes above the
 *    quota) transfers every ballot it holds — first preferences and ballots it received alike — to
 *    the next continuing option (neither elected nor excluded) on each, at the transfer value
 *    surplus × the ballot's value when received ÷ the option's votes, calculated to five decimal
 *    places, any remainder ignored (truncated). Ballots with no continuing option left are
 *    non-transferable (`exhausted`). The option keeps the quota; the fractions lost to the
 *    truncation go to no one, as the Order's arithmetic implies.
 * 5. One surplus per stage, the largest first (rule 49(1)). Equal surpluses: the option with more
 *    votes at the end of the most recent preceding stage at which they differed goes first (rule
 *    49(2)); equal at every stage, by lot (rule 49(3)) — the election's tie-breaker.
 * 6. Exclusion (rule 50): when no surplus is left to transfer and seats remain, the continuing
 *    option with the fewest votes is excluded, and every ballot it holds passes, at the value it
 *    holds it at, to the next continuing option on it, in one stage.
 * 7. Equal fewest (rule 51): the one with fewer votes at the end of the most recent preceding stage
 *    at which they differed is excluded; equal at every stage, by lot — the tie-breaker. (When
 *    three or more are level, each earlier stage that separates some of them keeps only the lowest
 *    level: the rule's plain reading, applied again until one is left.)
 * 8. Last vacancies (rule 52): when the continuing options are no more than the seats left, they
 *    are all elected and no further transfer is made; the count also ends when every seat is
 *    filled, any surplus left untransferred.
 *
 * Values are held at five decimal places exactly (BigInt units of 0.00001), so every truncation is
 * the Order's and a recount reproduces every stage. Each stage is reported as a round: the votes of
 * every option not excluded (elected ones included), the cumulative non-transferable value as
 * `exhausted`, who was elected at that stage, and the transfer (surplus or exclusion) that ended it.
 */
type Ranked = { readonly ranking: readonly string[] };

const fixed = fixedDecimal(5);

export const stvScottish: CountingMethod<Ranked> = {
  name: "stv-scottish",
  marks: "ranking",
  multiSeat: true,
  count: countScottish,
};

type Status = "hopeful" | "elected" | "excluded";

/** Identical ballots travel together: the same next preference, always at the same value. */
interface Parcel {
  readonly ranking: readonly number[];
  readonly weight: bigint;
  /** Where on the ranking the parcel now counts. */
  at: number;
  /** The value of each of its ballots (rule 48(4)): 1, or the transfer value it was last moved at. */
  value: bigint;
}

/** What one transfer moved: to each option (by position), and to the non-transferable. */
interface Moved {
  readonly to: bigint[];
  nonTransferable: bigint;
}

function countScottish({ options, seats, ballots, tieBreaker }: CountInput<Ranked>): CountResult {
  const { groups, valid, abstentions } = groupRankedBallots(options, seats, ballots);
  if (valid === 0n) return { method: "stv-scottish", seats, rounds: [], winners: [], tieBreaks: [], abstentions };

  const quota = fixed.fromInteger(valid / BigInt(seats + 1) + 1n);
  const status: Status[] = options.map(() => "hopeful");
  const votes: bigint[] = options.map(() => 0n);
  const held: Parcel[][] = options.map(() => []);
  const surplusPending = new Set<number>();
  const winners: number[] = [];
  const tieBreaks: TieBreak[] = [];
  const rounds: CountRound[] = [];
  const past: PastTallies[] = [];
  let exhausted = 0n;

  // Rule 45: the first stage counts first preferences.
  for (const { ranking, weight } of groups) {
    const parcel: Parcel = { ranking, weight, at: 0, value: fixed.one };
    held[ranking[0]!]!.push(parcel);
    votes[ranking[0]!]! += weight * parcel.value;
  }

  const positionsWith = (s: Status) => options.flatMap((_, i) => (status[i] === s ? [i] : []));
  const settle = tieSettler(options, tieBreaker, "most-recent", past, tieBreaks);

  /** Moves a parcel on to its next continuing option, or sets it aside as non-transferable. */
  const passOn = (parcel: Parcel, moved: Moved) => {
    do parcel.at++;
    while (parcel.at < parcel.ranking.length && status[parcel.ranking[parcel.at]!] !== "hopeful");
    const amount = parcel.weight * parcel.value;
    const next = parcel.ranking[parcel.at];
    if (next === undefined) {
      exhausted += amount;
      moved.nonTransferable += amount;
      return;
    }
    held[next]!.push(parcel);
    votes[next]! += amount;
    moved.to[next]! += amount;
  };

  /** Hands over every parcel an option holds. */
  const release = (from: number) => {
    const parcels = held[from]!;
    held[from] = [];
    return parcels;
  };

  /** Rule 48: all the option's ballots move on at surplus × their value ÷ its votes, truncated; it keeps the quota. */
  const transferSurplus = (from: number): Moved => {
    const moved: Moved = { to: options.map(() => 0n), nonTransferable: 0n };
    const surplus = votes[from]! - quota;
    const total = votes[from]!;
    for (const parcel of release(from)) {
      parcel.value = fixed.mulDivDown(surplus, parcel.value, total);
      passOn(parcel, moved);
    }
    votes[from] = quota;
    surplusPending.delete(from);
    return moved;
  };

  /** Rule 50: the option is excluded and its ballots move on at the values they hold. */
  const exclude = (from: number): Moved => {
    const moved: Moved = { to: options.map(() => 0n), nonTransferable: 0n };
    status[from] = "excluded";
    for (const parcel of release(from)) passOn(parcel, moved);
    votes[from] = 0n;
    return moved;
  };

  /** Rules 47 and 52: who is elected at this stage, and whether the count ends with it. */
  const electAtStage = () => {
    const elected = byVotesDescending(
      positionsWith("hopeful").filter((o) => votes[o]! >= quota),
      votes,
    );
    for (const o of elected) {
      status[o] = "elected";
      if (votes[o]! > quota) surplusPending.add(o);
    }
    const seatsLeft = seats - winners.length - elected.length;
    const continuing = positionsWith("hopeful");
    const finished = seatsLeft === 0 || continuing.length <= seatsLeft;
    if (finished && seatsLeft > 0) {
      // Rule 52: the continuing options fill the seats left, and no further transfer is made.
      const last = byVotesDescending(continuing, votes);
      for (const o of last) status[o] = "elected";
      elected.push(...last);
    }
    winners.push(...elected);
    return { elected, continuing, finished };
  };

  for (let round = 1; ; round++) {
    const inCount = options.flatMap((_, i) => (status[i] !== "excluded" ? [i] : []));
    const tallies = inCount.map((o) => [o, votes[o]!] as const);
    const exhaustedAtStart = exhausted;
    const { elected, continuing, finished } = electAtStage();

    let from: number | undefined;
    let moved: Moved | undefined;
    let eliminated: number[] = [];
    if (!finished && surplusPending.size > 0) {
      // Rule 49: one surplus per stage, the largest first.
      const pending = [...surplusPending].sort((a, b) => a - b);
      from = settle(extremes(pending, votes, "most"), "most", round, "surplus transfer order");
      moved = transferSurplus(from);
    } else if (!finished) {
      // Rules 50 and 51: the fewest votes goes.
      from = settle(extremes(continuing, votes, "fewest"), "fewest", round, "elimination");
      moved = exclude(from);
      eliminated = [from];
    }

    rounds.push({
      round,
      tallies: Object.fromEntries(tallies.map(([o, v]) => [options[o]!, fixed.toNumber(v)])),
      exhausted: fixed.toNumber(exhaustedAtStart),
      elected: elected.map((o) => options[o]!),
      eliminated: eliminated.map((o) => options[o]!),
      ...(from !== undefined && moved ? { transfers: [{ from: options[from]!, ...report(moved, options) }] } : {}),
      quota: fixed.toNumber(quota),
    });
    past.push({ round, tallies: new Map(tallies.map(([o, v]) => [options[o]!, v])) });
    if (from === undefined) break;
  }

  return {
    method: "stv-scottish",
    seats,
    rounds,
    winners: winners.map((o) => options[o]!),
    tieBreaks,
    abstentions,
  };
}

/** A transfer as reported: the options that received something, and the non-transferable as exhausted. */
function report(moved: Moved, options: readonly string[]): { to: Record<string, number>; exhausted: number } {
  const to: Record<string, number> = {};
  moved.to.forEach((amount, o) => {
    if (amount > 0n) to[options[o]!] = fixed.toNumber(amount);
  });
  return { to, exhausted: fixed.toNumber(moved.nonTransferable) };
}
