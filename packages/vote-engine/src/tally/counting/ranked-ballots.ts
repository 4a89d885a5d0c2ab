import type { TieBreak, TieBreaker, WeightedBallot } from "./counting-method";

/**
 * What the ranked counts (the single transferable vote methods) share: checking and grouping the
 * ballots, and settling a tie by looking at earlier rounds before the election's tie-breaker.
 */

/** Identical rankings, counted once: every ballot in a group travels the same path in any count. */
export interface RankingGroup {
  /** Positions in the question's options, most preferred first. */
  readonly ranking: readonly number[];
  /** The summed weight of the identical ballots. */
  readonly weight: bigint;
}

export interface RankedBallots {
  readonly groups: readonly RankingGroup[];
  /** Total weight of the ballots that rank something: the valid votes. */
  readonly valid: bigint;
  /** Total weight of empty rankings: abstentions take no part in the count. */
  readonly abstentions: number;
}

/**
 * Checks the question and its ballots and groups identical rankings, so that 100,000 ballots over
 * a few options become a few thousand groups. Weights are summed exactly (as BigInt), whatever
 * their number. Throws on a ballot the count cannot read: an unknown option, an option ranked
 * twice, a weight that is not a positive integer.
 */
export function groupRankedBallots(
  options: readonly string[],
  seats: number,
  ballots: ReadonlyArray<WeightedBallot<{ readonly ranking: readonly string[] }>>,
): RankedBallots {
  if (!Number.isSafeInteger(seats) || seats < 1) throw new Error("the number of seats must be a positive integer");
  const position = new Map(options.map((id, i) => [id, i]));
  if (position.size !== options.length) throw new Error("the options must be distinct");
  const groups = new Map<string, { ranking: number[]; weight: bigint }>();
  let valid = 0n;
  let abstentions = 0n;
  for (const { marks, weight } of ballots) {
    if (!Number.isSafeInteger(weight) || weight < 1) throw new Error("a ballot's weight must be a positive integer");
    const ranking = marks.ranking.map((id) => {
      const at = position.get(id);
      if (at === undefined) throw new Error(`a ballot ranks unknown option "${id}"`);
      return at;
    });
    if (new Set(ranking).size !== ranking.length) throw new Error("a ballot ranks an option twice");
    if (ranking.length === 0) {
      abstentions += BigInt(weight);
      continue;
    }
    valid += BigInt(weight);
    const key = ranking.join(",");
    const group = groups.get(key);
    if (group) group.weight += BigInt(weight);
    else groups.set(key, { ranking, weight: BigInt(weight) });
  }
  return { groups: [...groups.values()], valid, abstentions: Number(abstentions) };
}

/** Option positions ordered by votes, most first; equal votes keep the ballot's order (a listing, not a decision). */
export function byVotesDescending(positions: readonly number[], votes: readonly bigint[]): number[] {
  return [...positions].sort((a, b) => (votes[b]! > votes[a]! ? 1 : votes[b]! < votes[a]! ? -1 : a - b));
}

/** The positions among `among` (not empty) that hold the fewest, or the most, votes. */
export function extremes(among: readonly number[], votes: readonly bigint[], picks: "fewest" | "most"): number[] {
  const best = among.reduce(
    (m, o) => ((picks === "fewest" ? votes[o]! < m : votes[o]! > m) ? votes[o]! : m),
    votes[among[0]!]!,
  );
  return among.filter((o) => votes[o] === best);
}

/**
 * One count's way of settling its decisions: given the options level for one (in ballot order), the
 * only one, or the one `breakTie` chooses with this count's look-back and tie-breaker; every tie
 * broken is added to `records`. `earlier` is read when a tie arises, so it may grow as the count goes.
 */
export function tieSettler(
  options: readonly string[],
  tieBreaker: TieBreaker,
  lookBack: LookBackOrder,
  earlier: readonly PastTallies[],
  records: TieBreak[],
): (level: readonly number[], picks: "fewest" | "most", round: number, deciding: string) => number {
  return (level, picks, round, deciding) => {
    if (level.length === 1) return level[0]!;
    const tied = level.map((o) => options[o]!);
    const { chosen, record } = breakTie({ round, deciding, tied, picks, lookBack, earlier, tieBreaker });
    records.push(record);
    return options.indexOf(chosen);
  };
}

/** A round's exact tallies, kept so a later tie can look back at them. */
export interface PastTallies {
  readonly round: number;
  readonly tallies: ReadonlyMap<string, bigint>;
}

/**
 * Which earlier rounds a tie looks at first. "most-recent": the latest earlier round at which the
 * tied options differed (Scottish rules 49 and 51). "first-difference": the earliest round at which
 * they differed, going forward from the first ("ahead at first difference", New Zealand's rule).
 */
export type LookBackOrder = "most-recent" | "first-difference";

export interface TieToBreak {
  readonly round: number;
  /** Plain words for the decision, unique within the round: it names the lot's draw. */
  readonly deciding: string;
  /** The tied options, in ballot order. */
  readonly tied: readonly string[];
  /** An exclusion picks the option with the fewest votes; a surplus to transfer or a seat, the most. */
  readonly picks: "fewest" | "most";
  readonly lookBack: LookBackOrder;
  /** The rounds before this one, oldest first. */
  readonly earlier: readonly PastTallies[];
  readonly tieBreaker: TieBreaker;
}

/**
 * Settles a tie: first by the earlier rounds, in the given order. At each round where the tied
 * options' votes are not all equal, only those with the fewest (or most) stay tied; when one is
 * left, it is chosen. When more than one was level in every round, the election's tie-breaker
 * orders them: a decision for the most takes the front, one for the fewest the back.
 */
export function breakTie(tie: TieToBreak): { chosen: string; record: TieBreak } {
  const { round, deciding, tied, picks, lookBack, earlier, tieBreaker } = tie;
  const pastRounds = lookBack === "most-recent" ? [...earlier].reverse() : earlier;
  let level = [...tied];
  const lookedAt: string[] = [];
  for (const past of pastRounds) {
    const value = (id: string) => past.tallies.get(id) ?? 0n;
    const target = level.map(value).reduce((m, v) => ((picks === "fewest" ? v < m : v > m) ? v : m));
    const still = level.filter((id) => value(id) === target);
    if (still.length === level.length) continue;
    level = still;
    lookedAt.push(`round ${past.round}`);
    if (level.length === 1) {
      const chosen = level[0]!;
      return {
        chosen,
        record: {
          round,
          deciding,
          between: tied,
          chosen: [chosen],
          rule: "look-back",
          explanation:
            `${tied.join(", ")} were level; looking back (${lookedAt.join(", ")}), ` +
            `${chosen} had the ${picks} votes, so ${chosen} was chosen for ${deciding}.`,
        },
      };
    }
  }
  const ordered = tieBreaker.order(level, `round ${round}: ${deciding}`);
  const chosen = picks === "most" ? ordered[0] : ordered[ordered.length - 1];
  if (chosen === undefined || !level.includes(chosen) || ordered.length !== level.length) {
    throw new Error(`the tie-breaker did not order the tied options ${level.join(", ")}`);
  }
  const why =
    lookedAt.length > 0
      ? `${tied.join(", ")} were level; looking back (${lookedAt.join(", ")}) left ${level.join(", ")} level in every earlier round`
      : `${tied.join(", ")} were level in this and every earlier round`;
  return {
    chosen,
    record: {
      round,
      deciding,
      between: tied,
      chosen: [chosen],
      rule: tieBreaker.rule,
      explanation: `${why}, so the ${tieBreaker.rule} tie-breaker chose ${chosen} for ${deciding}.`,
    },
  };
}
