/**
 * Instant-runoff count of one ranked question.
 *
 * Rules (the platform's documented rules; the recount and the audit verifier use this code):
 * 1. Each round, every ballot counts for its highest-ranked option still in the count. A ballot
 *    with no such option left is exhausted and leaves the count for good. Empty rankings
 *    (abstentions) take no part at all.
 * 2. An option with more than half of the ballots still in the count wins. When one option is
 *    left, it wins.
 * 3. Otherwise exactly one option is eliminated: the one with the fewest votes. A tie for fewest
 *    is broken by looking back: the tied option with fewer votes in the most recent earlier round
 *    where their counts differ is eliminated. If they were equal in every round, the tied option
 *    that comes last in the ballot's option order is eliminated. (A fixed, published order keeps
 *    the count reproducible by anyone; no random draw is needed.)
 */
export interface InstantRunoffInput {
  /** Option ids in ballot order (the order officials defined). */
  readonly options: readonly string[];
  /** Each ballot: option ids in preference order; partial rankings allowed; empty is an abstention. */
  readonly ballots: ReadonlyArray<readonly string[]>;
}

export interface InstantRunoffRound {
  readonly round: number;
  /** Votes per option still in the count. */
  readonly tallies: Readonly<Record<string, number>>;
  /** Ballots with no option left in the count, cumulative. */
  readonly exhausted: number;
  /** Eliminated at the end of this round; empty in the final round. */
  readonly eliminated: readonly string[];
  /** Set when a tie-break decided the elimination, saying which rule. */
  readonly tieBreak?: string;
}

export interface InstantRunoffResult {
  readonly rounds: readonly InstantRunoffRound[];
  /** null only when no ballot ranks anything. */
  readonly winner: string | null;
  readonly abstentions: number;
}

export function instantRunoff({ options, ballots }: InstantRunoffInput): InstantRunoffResult {
  const known = new Set(options);
  for (const ballot of ballots) {
    if (new Set(ballot).size !== ballot.length) throw new Error("a ballot ranks an option twice");
    for (const id of ballot) if (!known.has(id)) throw new Error(`a ballot ranks unknown option "${id}"`);
  }
  const ranked = ballots.filter((b) => b.length > 0);
  const abstentions = ballots.length - ranked.length;
  if (ranked.length === 0) return { rounds: [], winner: null, abstentions };

  const continuing = new Set(options);
  const rounds: InstantRunoffRound[] = [];
  for (let round = 1; ; round++) {
    const tallies: Record<string, number> = Object.fromEntries([...continuing].map((o) => [o, 0]));
    let exhausted = 0;
    for (const ballot of ranked) {
      const choice = ballot.find((o) => continuing.has(o));
      if (choice === undefined) exhausted += 1;
      else tallies[choice]! += 1;
    }
    const active = ranked.length - exhausted;
    const leader = [...continuing].find((o) => tallies[o]! * 2 > active);
    if (leader !== undefined || continuing.size === 1) {
      rounds.push({ round, tallies, exhausted, eliminated: [] });
      return { rounds, winner: leader ?? [...continuing][0]!, abstentions };
    }
    const { loser, tieBreak } = chooseElimination([...continuing], tallies, rounds, options);
    rounds.push({ round, tallies, exhausted, eliminated: [loser], ...(tieBreak ? { tieBreak } : {}) });
    continuing.delete(loser);
  }
}

function chooseElimination(
  continuing: string[],
  tallies: Readonly<Record<string, number>>,
  earlier: readonly InstantRunoffRound[],
  options: readonly string[],
): { loser: string; tieBreak?: string } {
  const fewest = Math.min(...continuing.map((o) => tallies[o]!));
  let tied = continuing.filter((o) => tallies[o] === fewest);
  if (tied.length === 1) return { loser: tied[0]! };
  for (let i = earlier.length - 1; i >= 0; i--) {
    const past = earlier[i]!.tallies;
    const least = Math.min(...tied.map((o) => past[o] ?? 0));
    const behind = tied.filter((o) => (past[o] ?? 0) === least);
    if (behind.length < tied.length) tied = behind;
    if (tied.length === 1) {
      return {
        loser: tied[0]!,
        tieBreak: `Tie for fewest votes broken by round ${earlier[i]!.round}, where ${tied[0]} had the fewest.`,
      };
    }
  }
  const loser = tied.reduce((last, o) => (options.indexOf(o) > options.indexOf(last) ? o : last));
  return { loser, tieBreak: `Tie for fewest votes in every round: ${loser} comes last in the ballot order.` };
}
