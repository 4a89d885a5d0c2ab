import type { CountInput, CountResult, CountRound, CountingMethod, TieBreak } from "./counting-method";
import { fixedDecimal } from "./fixed-decimal";
import {
  byVotesDescending,
  extremes,
  groupRankedBallots,
  tieSettler,
  type PastTallies,
  type RankingGroup,
} from "./ranked-ballots";

/**
 * Single transferable vote counted by Meek's method.
 *
 * Rules: I.D. Hill, B.A. Wichmann and D.R. Woodall, "Algorithm 123 — Single transferable vote by
 * Meek's method", The Computer Journal 30(3):277–281 (1987), as refined in I.D. Hill,
 * "Implementing STV by Meek's method", Voting matters 22:7–10 (2006), on which New Zealand's rules
 * for its local elections are based (Local Electoral Regulations 2001, Schedule 1A). The recount
 * and the audit verifier use this code.
 *
 * 1. Every option starts hopeful with keep value 1. Every ballot is worth its weight; empty
 *    rankings are abstentions and take no part.
 * 2. All arithmetic is fixed-decimal to 9 places (1 vote = 10^9 units, held as BigInt), rounded
 *    where and as the rules say, so the count is exactly reproducible.
 * 3. A round repeats these steps (one iteration) until step d, e or g ends it:
 *    a. Distribute every ballot: its weight w starts at 1; going down its ranking, each option
 *       keeps w × its keep value, rounded up to 9 places, and w falls by as much, until w is 0 or
 *       the ranking ends. What is left is excess (exhausted). Hopeful options keep everything
 *       (keep value 1), excluded ones nothing (0), elected ones their keep value's share.
 *    b. The quota is the total of all options' votes (the valid votes less the excess) divided by
 *       one more than the number of seats, truncated to 9 places, plus 0.000000001: a Droop quota
 *       recalculated every iteration.
 *    c. Every hopeful option with votes ≥ quota is elected.
 *    d. If step c elected anyone, the round ends (most votes first in the order elected). Only
 *       rounding could let more options reach the quota than seats are left; then the most votes
 *       take them, ties as in rule 5.
 *    e. The total surplus is the sum, over elected options, of votes − quota, but not below 0.
 *       The round ends with an exclusion when (i) the total surplus is below 0.0001 (the
 *       convergence limit); or (ii) the lowest hopeful option's votes plus the total surplus are
 *       below the next lowest's, so that no transfer of the surplus could change who is lowest
 *       (the surplus is deferred); or (iii) the total surplus did not fall since the round's
 *       previous iteration (the rounding has reached a stable state).
 *    f. Otherwise each elected option's keep value k becomes k × quota (rounded up to 9 places)
 *       divided by its votes (rounded up), never above 1, and the next iteration begins.
 *    g. Exclusion: the hopeful option with the fewest votes is excluded, one per round. Its keep
 *       value becomes 0, so at the next distribution its ballots pass on as if it had never stood.
 * 4. The count ends when every seat is filled, or when the hopeful options are no more than the
 *    seats left: they are all elected, and the last round is one distribution that shows it.
 * 5. Ties (exactly equal votes at 9 places) are settled by the earlier rounds, going forward from
 *    the first: the option behind at the first round where the tied options differed is excluded
 *    ("ahead at first difference", as New Zealand's Schedule 1A prescribes); options level in every
 *    round go to the election's tie-breaker, in place of the pseudo-random draw of those rules.
 *
 * Reported per round: the votes of every option still in the count (elected ones included: they go
 * on receiving votes), the cumulative excess as `exhausted`, the quota and every such option's keep
 * value, all at the round's last distribution. `transfers` give, for each option that moved votes
 * between this round's last distribution and the next round's, the change at each option and in
 * the excess: a ballot's change is credited to the first option on it elected or excluded at the end
 * of the round, or failing that to the first whose keep value changed (a surplus re-spread as the
 * quota fell).
 */
type Ranked = { readonly ranking: readonly string[] };

const fixed = fixedDecimal(9);
const ONE = fixed.one;
/** Rule 3e(i): iteration stops once the total surplus is below 0.0001 of a vote. */
const SURPLUS_LIMIT = ONE / 10_000n;

export const stvMeek: CountingMethod<Ranked> = {
  name: "stv-meek",
  marks: "ranking",
  multiSeat: true,
  count: countMeek,
};

type Status = "hopeful" | "elected" | "excluded";

/** A round as counted, in exact values, before it is reported. */
interface RoundDraft {
  readonly round: number;
  /** Options in the count at the round's last distribution. */
  readonly inCount: readonly number[];
  readonly votes: readonly bigint[];
  readonly excess: bigint;
  readonly quota: bigint;
  readonly keepValues: readonly bigint[];
  readonly elected: readonly number[];
  readonly eliminated: readonly number[];
}

function countMeek({ options, seats, ballots, tieBreaker }: CountInput<Ranked>): CountResult {
  const { groups, valid, abstentions } = groupRankedBallots(options, seats, ballots);
  if (valid === 0n) return { method: "stv-meek", seats, rounds: [], winners: [], tieBreaks: [], abstentions };

  const tree = rankingTree(groups);
  const status: Status[] = options.map(() => "hopeful");
  const keepValues: bigint[] = options.map(() => ONE);
  const winners: number[] = [];
  const tieBreaks: TieBreak[] = [];
  const drafts: RoundDraft[] = [];
  const past: PastTallies[] = [];
  const positionsWith = (s: Status) => options.flatMap((_, i) => (status[i] === s ? [i] : []));
  const settle = tieSettler(options, tieBreaker, "first-difference", past, tieBreaks);

  for (let round = 1; winners.length < seats; round++) {
    const seatsLeft = seats - winners.length;
    const hopeful = positionsWith("hopeful");
    const inCount = options.flatMap((_, i) => (status[i] !== "excluded" ? [i] : []));
    if (hopeful.length <= seatsLeft) {
      // Rule 4: no choice is left to make; one distribution shows where the votes stand.
      const { votes, excess } = distribute(tree, keepValues, options.length);
      const elected = byVotesDescending(hopeful, votes);
      for (const o of elected) status[o] = "elected";
      winners.push(...elected);
      drafts.push({
        round,
        inCount,
        votes,
        excess,
        quota: quotaOf(votes, seats),
        keepValues: [...keepValues],
        elected,
        eliminated: [],
      });
      break;
    }

    const { votes, excess, quota, reaching } = iterate(tree, keepValues, status, seats);
    let elected: number[] = [];
    let eliminated: number[] = [];
    if (reaching.length > 0) {
      elected = chooseElected(reaching, seatsLeft, votes, (level, seat) =>
        settle(level, "most", round, `election (seat ${winners.length + seat})`),
      );
      for (const o of elected) status[o] = "elected";
      winners.push(...elected);
    } else {
      const loser = settle(extremes(hopeful, votes, "fewest"), "fewest", round, "elimination");
      status[loser] = "excluded";
      eliminated = [loser];
    }
    drafts.push({ round, inCount, votes, excess, quota, keepValues: [...keepValues], elected, eliminated });
    past.push({ round, tallies: new Map(inCount.map((o) => [options[o]!, votes[o]!])) });
    // Rule 3g: from the next distribution on, the excluded option keeps nothing.
    for (const o of eliminated) keepValues[o] = 0n;
  }

  return {
    method: "stv-meek",
    seats,
    rounds: drafts.map((draft, i) => report(draft, drafts[i + 1], groups, options)),
    winners: winners.map((o) => options[o]!),
    tieBreaks,
    abstentions,
  };
}

/** Rule 3: iterations of one round, until an election or an exclusion ends it. */
function iterate(tree: ReadonlyMap<number, TreeNode>, keepValues: bigint[], status: readonly Status[], seats: number) {
  let previousSurplus: bigint | undefined;
  for (;;) {
    const { votes, excess } = distribute(tree, keepValues, status.length);
    const quota = quotaOf(votes, seats);
    const hopeful = status.flatMap((s, i) => (s === "hopeful" ? [i] : []));
    const elected = status.flatMap((s, i) => (s === "elected" ? [i] : []));
    const reaching = hopeful.filter((o) => votes[o]! >= quota);
    const done = { votes, excess, quota, reaching };
    if (reaching.length > 0) return done;

    const surplusSum = elected.reduce((sum, o) => sum + votes[o]! - quota, 0n);
    const surplus = surplusSum > 0n ? surplusSum : 0n;
    if (surplus < SURPLUS_LIMIT) return done;
    const [lowest, nextLowest] = hopeful.map((o) => votes[o]!).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (lowest! + surplus < nextLowest!) return done;
    if (previousSurplus !== undefined && surplus >= previousSurplus) return done;
    previousSurplus = surplus;

    for (const o of elected) {
      // An elected option no ballot reaches any more keeps its keep value: there is nothing to scale.
      if (votes[o] === 0n) continue;
      const next = fixed.divUp(fixed.mulUp(keepValues[o]!, quota), votes[o]!);
      keepValues[o] = next < ONE ? next : ONE;
    }
  }
}

/** Rule 3d: the options reaching the quota take the seats left, most votes first. */
function chooseElected(
  reaching: readonly number[],
  seatsLeft: number,
  votes: readonly bigint[],
  settle: (tied: number[], seat: number) => number,
): number[] {
  const ordered = byVotesDescending(reaching, votes);
  if (ordered.length <= seatsLeft) return ordered;
  const chosen: number[] = [];
  let rest = ordered;
  while (chosen.length < seatsLeft) {
    const level = extremes(rest, votes, "most");
    const taken = level.length <= seatsLeft - chosen.length ? level : [settle(level, chosen.length + 1)];
    chosen.push(...taken);
    rest = rest.filter((o) => !taken.includes(o));
  }
  return chosen;
}

/** Rule 3b: (valid votes − excess) ÷ (seats + 1), truncated to 9 places, plus 0.000000001. */
function quotaOf(votes: readonly bigint[], seats: number): bigint {
  const total = votes.reduce((sum, v) => sum + v, 0n);
  return total / BigInt(seats + 1) + 1n;
}

/** w × k rounded up to 9 places: what an option with keep value k keeps of a ballot's weight w (rule 3a). */
function kept(weight: bigint, keepValue: bigint): bigint {
  if (keepValue === ONE) return weight;
  if (keepValue === 0n || weight === 0n) return 0n;
  return fixed.mulUp(weight, keepValue);
}

/**
 * The ballots as a tree of shared ranking prefixes: every ballot through a node carries the same
 * weight there, so one multiplication serves them all, and a distribution costs one step per
 * distinct prefix rather than per ballot.
 */
interface TreeNode {
  readonly option: number;
  /** Weight of the ballots whose ranking passes through (or ends at) this node. */
  through: bigint;
  /** Weight of the ballots whose ranking ends here: what they have left is excess. */
  ending: bigint;
  /** The next option on the rankings that go on, by option. */
  readonly children: Map<number, TreeNode>;
}

function rankingTree(groups: readonly RankingGroup[]): ReadonlyMap<number, TreeNode> {
  const roots = new Map<number, TreeNode>();
  for (const { ranking, weight } of groups) {
    let level = roots;
    let node: TreeNode | undefined;
    for (const option of ranking) {
      node = level.get(option);
      if (!node) {
        node = { option, through: 0n, ending: 0n, children: new Map<number, TreeNode>() };
        level.set(option, node);
      }
      node.through += weight;
      level = node.children;
    }
    // Grouping leaves no empty ranking, so every group ends at a node.
    node!.ending += weight;
  }
  return roots;
}

/** Rule 3a over the whole tree: every option's votes, and the excess. */
function distribute(tree: ReadonlyMap<number, TreeNode>, keepValues: readonly bigint[], optionCount: number) {
  const votes = new Array<bigint>(optionCount).fill(0n);
  let excess = 0n;
  const visit = (node: TreeNode, weight: bigint) => {
    const keep = kept(weight, keepValues[node.option]!);
    votes[node.option]! += keep * node.through;
    const left = weight - keep;
    if (left === 0n) return;
    excess += left * node.ending;
    for (const child of node.children.values()) visit(child, left);
  };
  for (const root of tree.values()) visit(root, ONE);
  return { votes, excess };
}

/** A round's exact draft as the seam reports it, with the votes it moved before the next round. */
function report(
  draft: RoundDraft,
  next: RoundDraft | undefined,
  groups: readonly RankingGroup[],
  options: readonly string[],
): CountRound {
  const byOption = (values: readonly bigint[]) =>
    Object.fromEntries(draft.inCount.map((o) => [options[o]!, fixed.toNumber(values[o]!)]));
  const transfers = next
    ? movedVotes(groups, draft.keepValues, next.keepValues, [...draft.elected, ...draft.eliminated], options)
    : undefined;
  return {
    round: draft.round,
    tallies: byOption(draft.votes),
    exhausted: fixed.toNumber(draft.excess),
    elected: draft.elected.map((o) => options[o]!),
    eliminated: draft.eliminated.map((o) => options[o]!),
    ...(transfers ? { transfers } : {}),
    quota: fixed.toNumber(draft.quota),
    keepValues: byOption(draft.keepValues),
  };
}

/**
 * The votes that moved between two distributions, by the option that moved them: each ballot's
 * change goes to the first option on it decided at the end of the round (elected or excluded),
 * else to the first whose keep value changed. Within one ballot the changes sum to zero, so each
 * entry is exact: what its option gave up went to the options and the excess it lists.
 */
function movedVotes(
  groups: readonly RankingGroup[],
  before: readonly bigint[],
  after: readonly bigint[],
  decided: readonly number[],
  options: readonly string[],
): NonNullable<CountRound["transfers"]> {
  const moved = new Map<number, { toOption: bigint[]; toExcess: bigint }>(
    decided.map((o) => [o, { toOption: options.map(() => 0n), toExcess: 0n }]),
  );
  for (const { ranking, weight } of groups) {
    const from = ranking.find((o) => decided.includes(o)) ?? ranking.find((o) => before[o] !== after[o]);
    if (from === undefined) continue;
    let entry = moved.get(from);
    if (!entry) moved.set(from, (entry = { toOption: options.map(() => 0n), toExcess: 0n }));
    let weightBefore = ONE;
    let weightAfter = ONE;
    for (const o of ranking) {
      const keptBefore = kept(weightBefore, before[o]!);
      const keptAfter = kept(weightAfter, after[o]!);
      entry.toOption[o]! += (keptAfter - keptBefore) * weight;
      weightBefore -= keptBefore;
      weightAfter -= keptAfter;
      if (weightBefore === 0n && weightAfter === 0n) break;
    }
    entry.toExcess += (weightAfter - weightBefore) * weight;
  }
  const others = [...moved.keys()].filter((o) => !decided.includes(o)).sort((a, b) => a - b);
  return [...decided, ...others].flatMap((from) => {
    const { toOption, toExcess } = moved.get(from)!;
    const to: Record<string, number> = {};
    toOption.forEach((delta, o) => {
      if (o !== from && delta !== 0n) to[options[o]!] = fixed.toNumber(delta);
    });
    if (!decided.includes(from) && Object.keys(to).length === 0 && toExcess === 0n) return [];
    return [{ from: options[from]!, to, exhausted: fixed.toNumber(toExcess) }];
  });
}
