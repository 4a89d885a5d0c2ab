/**
 * Reference counts for the tests only: Meek STV and Scottish STV written a second time, straight
 * from the rules stated in src/tally/counting/stv-meek.ts and stv-scottish.ts (Hill, Wichmann &
 * Woodall 1987 with Hill 2006; SSI 2007/42 Schedule 1 rules 45–52), on purpose in another shape:
 * every weight is expanded into that many single ballots, every ballot is walked in a plain loop,
 * options are keyed by id, totals are recomputed from the ballots at every stage, and the
 * fixed-point helpers below are this file's own. Ties fall back to the ballot's option order (the
 * first for a decision that favours, the last for an exclusion), the same as the platform's
 * option-order tie-breaker, so the two can be compared.
 *
 * Nothing here is tuned for speed: it is meant to be read against the rules.
 */

export interface ReferenceBallot {
  readonly ranking: readonly string[];
  readonly weight: number;
}

export interface ReferenceRound {
  /** Exact decimal text per option still in the count (not excluded). */
  readonly tallies: Record<string, string>;
  readonly exhausted: string;
  readonly quota: string;
  readonly elected: string[];
  readonly eliminated: string[];
}

export interface ReferenceResult {
  readonly winners: string[];
  readonly rounds: ReferenceRound[];
}

/** Fixed point with `places` decimals: a value is an integer count of 10^-places. */
class Fixed {
  readonly unit: bigint;
  constructor(readonly places: number) {
    let unit = 1n;
    for (let i = 0; i < places; i++) unit *= 10n;
    this.unit = unit;
  }
  whole(n: number | bigint): bigint {
    return BigInt(n) * this.unit;
  }
  /** x × y with the digits beyond the last place dropped. */
  timesTruncated(x: bigint, y: bigint): bigint {
    return (x * y - ((x * y) % this.unit)) / this.unit;
  }
  /** x × y, any digit beyond the last place rounding up. */
  timesRoundedUp(x: bigint, y: bigint): bigint {
    const exact = x * y;
    const rest = exact % this.unit;
    return (exact - rest) / this.unit + (rest === 0n ? 0n : 1n);
  }
  /** x ÷ y, any digit beyond the last place rounding up. */
  dividedRoundedUp(x: bigint, y: bigint): bigint {
    const scaled = x * this.unit;
    const rest = scaled % y;
    return (scaled - rest) / y + (rest === 0n ? 0n : 1n);
  }
  text(x: bigint): string {
    const negative = x < 0n;
    const size = negative ? -x : x;
    const digits = size.toString().padStart(this.places + 1, "0");
    const cut = digits.length - this.places;
    return `${negative ? "-" : ""}${digits.slice(0, cut)}${this.places > 0 ? "." + digits.slice(cut) : ""}`;
  }
}

function expand(ballots: readonly ReferenceBallot[]): string[][] {
  const single: string[][] = [];
  for (const ballot of ballots) {
    if (ballot.ranking.length === 0) continue;
    for (let copy = 0; copy < ballot.weight; copy++) single.push([...ballot.ranking]);
  }
  return single;
}

/** Picks among options level on `now` by earlier rounds (in the order given), then option order. */
function pickAmongLevel(
  level: string[],
  history: Array<Map<string, bigint>>,
  lookForward: boolean,
  wantFewest: boolean,
  options: readonly string[],
): string {
  const order = lookForward ? history : [...history].reverse();
  let left = level;
  for (const tallies of order) {
    if (left.length === 1) break;
    let best: bigint | null = null;
    for (const id of left) {
      const v = tallies.get(id) ?? 0n;
      if (best === null || (wantFewest ? v < best : v > best)) best = v;
    }
    left = left.filter((id) => (tallies.get(id) ?? 0n) === best);
  }
  if (left.length === 1) return left[0]!;
  const byBallotOrder = [...left].sort((a, b) => options.indexOf(a) - options.indexOf(b));
  return wantFewest ? byBallotOrder[byBallotOrder.length - 1]! : byBallotOrder[0]!;
}

/** Most votes first; equal votes in the ballot's option order. */
function mostFirst(ids: string[], votes: Map<string, bigint>, options: readonly string[]): string[] {
  return [...ids].sort((a, b) => {
    const va = votes.get(a)!;
    const vb = votes.get(b)!;
    if (va !== vb) return va > vb ? -1 : 1;
    return options.indexOf(a) - options.indexOf(b);
  });
}

export function referenceMeek(
  options: readonly string[],
  seats: number,
  ballots: readonly ReferenceBallot[],
): ReferenceResult {
  const fx = new Fixed(9);
  const papers = expand(ballots);
  if (papers.length === 0) return { winners: [], rounds: [] };
  const state = new Map<string, "hopeful" | "elected" | "excluded">(options.map((id) => [id, "hopeful"]));
  const keep = new Map<string, bigint>(options.map((id) => [id, fx.unit]));
  const winners: string[] = [];
  const rounds: ReferenceRound[] = [];
  const history: Array<Map<string, bigint>> = [];
  const limit = fx.unit / 10000n;

  const distribute = () => {
    const votes = new Map<string, bigint>(options.map((id) => [id, 0n]));
    let excess = 0n;
    for (const paper of papers) {
      let weight = fx.unit;
      for (const id of paper) {
        if (weight === 0n) break;
        const share = fx.timesRoundedUp(weight, keep.get(id)!);
        votes.set(id, votes.get(id)! + share);
        weight -= share;
      }
      excess += weight;
    }
    let total = 0n;
    for (const v of votes.values()) total += v;
    const quota = total / BigInt(seats + 1) + 1n;
    return { votes, excess, quota };
  };
  const record = (
    votes: Map<string, bigint>,
    excess: bigint,
    quota: bigint,
    inCount: string[],
    elected: string[],
    eliminated: string[],
  ) => {
    rounds.push({
      tallies: Object.fromEntries(inCount.map((id) => [id, fx.text(votes.get(id)!)])),
      exhausted: fx.text(excess),
      quota: fx.text(quota),
      elected,
      eliminated,
    });
    history.push(new Map(inCount.map((id) => [id, votes.get(id)!])));
  };

  while (winners.length < seats) {
    const hopeful = options.filter((id) => state.get(id) === "hopeful");
    const inCount = options.filter((id) => state.get(id) !== "excluded");
    const seatsLeft = seats - winners.length;
    if (hopeful.length <= seatsLeft) {
      const { votes, excess, quota } = distribute();
      const all = mostFirst(hopeful, votes, options);
      for (const id of all) state.set(id, "elected");
      winners.push(...all);
      record(votes, excess, quota, inCount, all, []);
      break;
    }
    let lastSurplus: bigint | null = null;
    for (;;) {
      const { votes, excess, quota } = distribute();
      const reaching = hopeful.filter((id) => votes.get(id)! >= quota);
      if (reaching.length > 0) {
        let ranked = mostFirst(reaching, votes, options);
        const chosen: string[] = [];
        while (chosen.length < seatsLeft && ranked.length > 0) {
          const top = votes.get(ranked[0]!)!;
          const level = ranked.filter((id) => votes.get(id) === top);
          const room = seatsLeft - chosen.length;
          const take = level.length <= room ? level : [pickAmongLevel(level, history, true, false, options)];
          chosen.push(...take);
          ranked = ranked.filter((id) => !take.includes(id));
        }
        for (const id of chosen) state.set(id, "elected");
        winners.push(...chosen);
        record(votes, excess, quota, inCount, chosen, []);
        break;
      }
      let surplus = 0n;
      for (const id of options) if (state.get(id) === "elected") surplus += votes.get(id)! - quota;
      if (surplus < 0n) surplus = 0n;
      const ascending = hopeful.map((id) => votes.get(id)!).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const stop =
        surplus < limit || ascending[0]! + surplus < ascending[1]! || (lastSurplus !== null && surplus >= lastSurplus);
      if (stop) {
        const low = ascending[0]!;
        const level = hopeful.filter((id) => votes.get(id) === low);
        const loser = level.length === 1 ? level[0]! : pickAmongLevel(level, history, true, true, options);
        state.set(loser, "excluded");
        record(votes, excess, quota, inCount, [], [loser]);
        keep.set(loser, 0n);
        break;
      }
      lastSurplus = surplus;
      for (const id of options) {
        if (state.get(id) !== "elected" || votes.get(id) === 0n) continue;
        const scaled = fx.dividedRoundedUp(fx.timesRoundedUp(keep.get(id)!, quota), votes.get(id)!);
        keep.set(id, scaled > fx.unit ? fx.unit : scaled);
      }
    }
  }
  return { winners, rounds };
}

export function referenceScottish(
  options: readonly string[],
  seats: number,
  ballots: readonly ReferenceBallot[],
): ReferenceResult {
  const fx = new Fixed(5);
  const papers = expand(ballots).map((ranking) => ({ ranking, at: 0, value: fx.unit, setAside: false }));
  if (papers.length === 0) return { winners: [], rounds: [] };
  const quota = fx.whole(Math.floor(papers.length / (seats + 1)) + 1);
  const excluded = new Set<string>();
  const elected: string[] = [];
  const surplusDone = new Set<string>();
  const rounds: ReferenceRound[] = [];
  const history: Array<Map<string, bigint>> = [];
  const isContinuing = (id: string) => !excluded.has(id) && !elected.includes(id);
  const moveOn = (paper: (typeof papers)[number]) => {
    paper.at++;
    while (paper.at < paper.ranking.length && !isContinuing(paper.ranking[paper.at]!)) paper.at++;
    if (paper.at >= paper.ranking.length) paper.setAside = true;
  };

  for (;;) {
    // Totals from the papers themselves; an option whose surplus went keeps exactly the quota.
    const inCount = options.filter((id) => !excluded.has(id));
    const votes = new Map<string, bigint>(inCount.map((id) => [id, 0n]));
    let nonTransferable = 0n;
    for (const paper of papers) {
      if (paper.setAside) nonTransferable += paper.value;
      else {
        const holder = paper.ranking[paper.at]!;
        if (!surplusDone.has(holder)) votes.set(holder, votes.get(holder)! + paper.value);
      }
    }
    for (const id of surplusDone) votes.set(id, quota);

    const newlyElected = mostFirst(
      inCount.filter((id) => isContinuing(id) && votes.get(id)! >= quota),
      votes,
      options,
    );
    elected.push(...newlyElected);
    const round: ReferenceRound = {
      tallies: Object.fromEntries(inCount.map((id) => [id, fx.text(votes.get(id)!)])),
      exhausted: fx.text(nonTransferable),
      quota: fx.text(quota),
      elected: [...newlyElected],
      eliminated: [],
    };
    rounds.push(round);
    history.push(new Map(votes));

    const seatsLeft = seats - elected.length;
    const continuing = options.filter(isContinuing);
    if (seatsLeft === 0) break;
    if (continuing.length <= seatsLeft) {
      const rest = mostFirst(continuing, votes, options);
      elected.push(...rest);
      round.elected.push(...rest);
      break;
    }
    const withSurplus = elected.filter((id) => !surplusDone.has(id) && votes.get(id)! > quota);
    const earlier = history.slice(0, -1);
    if (withSurplus.length > 0) {
      let largest = 0n;
      for (const id of withSurplus) if (votes.get(id)! > largest) largest = votes.get(id)!;
      const level = withSurplus.filter((id) => votes.get(id) === largest);
      const giver = level.length === 1 ? level[0]! : pickAmongLevel(level, earlier, false, false, options);
      const total = votes.get(giver)!;
      const surplus = total - quota;
      for (const paper of papers) {
        if (paper.setAside || paper.ranking[paper.at] !== giver) continue;
        // Rule 48(3): surplus × value when received ÷ the giver's votes, to 5 places, remainder ignored.
        paper.value = (surplus * paper.value) / total;
        moveOn(paper);
      }
      surplusDone.add(giver);
    } else {
      let fewest: bigint | null = null;
      for (const id of continuing) if (fewest === null || votes.get(id)! < fewest) fewest = votes.get(id)!;
      const level = continuing.filter((id) => votes.get(id) === fewest);
      const loser = level.length === 1 ? level[0]! : pickAmongLevel(level, earlier, false, true, options);
      excluded.add(loser);
      round.eliminated.push(loser);
      for (const paper of papers) if (!paper.setAside && paper.ranking[paper.at] === loser) moveOn(paper);
    }
  }
  return { winners: elected, rounds };
}

/**
 * A ballot file in the .blt format that OpenSTV and Droop read: a line "candidates seats", one line
 * "weight c1 c2 … 0" per group of identical ballots (candidates numbered from 1), a line "0", the
 * candidates' names in quotes, then the election's title. Options are named by those names.
 */
export function parseBlt(text: string): {
  seats: number;
  options: string[];
  ballots: ReferenceBallot[];
  title: string;
} {
  const lines = text.trim().split("\n");
  const [candidates, seats] = lines[0]!.trim().split(/\s+/).map(Number) as [number, number];
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === "0");
  const names = lines.slice(end + 1, end + 1 + candidates).map((line) => JSON.parse(line) as string);
  const ballots = lines.slice(1, end).map((line) => {
    const [weight, ...marks] = line.trim().split(/\s+/).map(Number);
    return { weight: weight!, ranking: marks.slice(0, marks.indexOf(0)).map((c) => names[c - 1]!) };
  });
  return { seats, options: names, ballots, title: JSON.parse(lines[end + 1 + candidates]!) as string };
}

/**
 * GPUS Steering Committee Election 2005-07-24: 13 candidates, 4 seats, 94 ballots. Verbatim from
 * Droop (github.com/jklundell/droop, commit cf58293), test/blt/SC.blt; both test files count it
 * and compare with Droop's reference outputs for the same file.
 */
export const GPUS_STEERING_COMMITTEE_2005 = `
13 4
1 7 8 9 11 12 0
1 7 8 9 11 12 0
1 13 7 5 4 2 1 0
1 5 13 2 7 4 1 0
1 13 4 1 2 0
1 4 2 13 1 3 0
1 4 13 2 7 0
1 7 8 12 1 13 9 2 4 11 5 0
1 1 13 3 4 7 5 2 0
1 4 1 13 7 3 5 2 0
1 4 1 13 7 3 5 2 0
1 1 4 13 2 7 5 3 9 8 12 11 0
1 7 1 8 9 13 3 2 4 12 5 11 0
1 7 8 9 11 12 0
1 7 1 8 9 13 3 2 4 12 5 11 0
1 7 8 9 11 12 0
1 7 8 9 11 12 0
1 7 8 9 11 12 0
1 5 1 13 3 2 4 7 0
1 7 8 9 3 12 2 13 5 1 4 0
1 3 13 1 2 0
1 3 13 1 2 0
1 4 7 13 5 0
1 4 5 13 3 2 1 0
1 7 8 9 11 12 0
1 7 9 8 12 11 2 13 0
1 7 8 9 11 12 0
1 7 8 9 11 12 0
1 4 3 13 1 0
1 4 3 13 1 0
1 13 3 4 1 7 2 5 0
1 3 13 4 1 7 2 5 0
1 13 3 4 1 2 5 7 0
1 13 1 4 2 5 3 7 0
1 13 4 3 1 2 5 0
1 3 13 1 4 2 7 5 0
1 4 3 13 8 0
1 4 3 13 1 0
1 1 4 13 7 0
1 1 4 13 7 0
1 7 3 4 13 1 5 0
1 9 11 8 7 0
1 7 8 9 11 12 0
1 13 3 5 2 0
1 4 5 2 3 13 0
1 13 5 2 4 1 3 7 0
1 13 5 2 1 7 3 8 0
1 7 8 9 12 11 0
1 7 8 4 9 12 0
1 13 4 7 2 8 0
1 4 13 2 7 1 8 0
1 7 8 11 9 12 0
1 8 4 7 11 13 9 0
1 7 4 2 13 0
1 13 1 7 4 0
1 4 1 2 13 9 5 0
1 1 4 13 5 3 2 0
1 7 5 4 8 11 2 13 1 3 9 12 0
1 4 8 7 5 13 2 1 3 9 0
1 3 4 7 2 12 13 8 1 5 0
1 7 8 9 11 12 0
1 7 8 11 9 0
1 7 8 11 9 0
1 7 8 9 11 12 0
1 7 8 9 11 12 0
1 7 8 9 11 12 0
1 13 2 4 7 5 1 0
1 7 8 9 11 12 0
1 7 8 9 11 0
1 7 8 9 11 12 0
1 2 7 8 12 13 11 1 5 9 0
1 4 7 8 2 0
1 4 13 5 2 1 3 0
1 13 4 7 3 1 5 8 2 9 0
1 4 3 13 1 7 0
1 13 4 1 3 0
1 4 1 13 3 2 7 8 0
1 2 4 13 5 0
1 2 3 4 1 13 7 0
1 3 1 4 13 0
1 4 3 1 2 11 0
1 3 1 4 13 2 7 0
1 4 1 2 8 3 0
1 4 1 5 13 2 3 0
1 4 1 5 13 2 3 0
1 7 8 9 11 12 0
1 7 8 9 11 12 0
1 13 7 3 2 5 4 1 0
1 13 5 7 2 4 1 0
1 7 8 9 11 12 0
1 1 13 3 7 2 4 5 0
1 13 1 2 7 4 5 3 0
1 13 1 2 7 4 5 3 0
1 3 1 4 2 13 7 9 5 8 0
0
"Budd Dickinson"
"Kirit Mookerjee"
"Tom Sevigny"
"Pat LaMarche"
"Michael Piacsek"
"Write-In 2"
"Rebecca Rotzler"
"Kristen Olsen"
"Jason Jones"
"Write-In 1"
"Steve Greenfield"
"Jimmy Leas"
"Steve Kramer"
"GPUS Steering Committee Election 2005-07-24"
`;
