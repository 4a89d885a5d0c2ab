import type { CanonicalBallot } from "@landslide/vote-engine";

/**
 * Coordination, seen from the server: many casts from one network with the same answer, far more
 * often than the same answer comes from everywhere else. A farm votes the way it is paid to; a
 * crowd behind one address (a carrier's NAT, a lecture hall) votes roughly like everyone else.
 * Nothing here comes from the client but the ballot itself and the address the trusted proxy saw.
 *
 * For each cast, per fingerprint of its answers (the whole ballot, and each question's answer, so
 * that a farm varying the questions it does not care about still shows on the one it does), this
 * counts k casts with that fingerprint among the n casts from the same address block within the
 * window, and compares k/n with the fingerprint's share p among the casts *accepted* from every
 * other block (smoothed, so a fingerprint never seen elsewhere is rare, not impossible). Only
 * accepted casts make the baseline: a farm spread over several blocks must not make its own ballot
 * look common by the casts of its other blocks that were held or refused. It fires when k is at
 * least `minGroup` and the Chernoff bound on P(X ≥ k) for X ~ Binomial(n, p) is below
 * `significance`: exp(−n · KL(k/n ‖ p)), which over-estimates the tail, so it errs towards not firing.
 *
 * Everything is counted per election (two elections' ballots never share an answer, and one
 * election's volume must not make another's answers look rare), and each voter once per window:
 * a retry of the same cast (the SDK's, or a reload) is not a second ballot from the block.
 *
 * Per task: behind a load balancer each of T tasks sees about 1/T of a block's casts, so a farm
 * shows T times later here than in the whole stream.
 */
export interface ConcentrationOptions {
  readonly windowMs: number;
  /** Fewer casts with one answer from one block are never a group, however unlikely. */
  readonly minGroup: number;
  /** The chance of the group by luck, below which it fires. */
  readonly significance: number;
  /** Blocks remembered at most; the least recently seen are forgotten first. */
  readonly maxBlocks: number;
  /** Casts remembered at most (a few hundred bytes each): past it, the window shortens. */
  readonly maxCasts: number;
}

export const CONCENTRATION_DEFAULTS: ConcentrationOptions = {
  windowMs: 10 * 60_000,
  minGroup: 5,
  significance: 1e-6,
  maxBlocks: 100_000,
  maxCasts: 200_000,
};

export interface ConcentrationVerdict {
  readonly concentrated: boolean;
  /** The strongest group this cast belongs to: casts with its answer, casts from its block. */
  readonly group?: { readonly fingerprint: string; readonly same: number; readonly fromBlock: number };
}

/** Whose cast it is: the election, the caller's address block, and the voter (once per window). */
export interface CastScope {
  readonly election: string;
  readonly block: string;
  readonly voter: string;
}

interface Cast {
  readonly at: number;
  readonly voter: string;
  readonly fingerprints: readonly string[];
  /** Counted in the baseline (its block's and everyone's), once it was accepted. */
  accepted: boolean;
  /** Out of the window (or forgotten with its block): it counts nowhere any more. */
  gone: boolean;
}

interface Block {
  readonly election: string;
  readonly casts: Cast[];
  /** The voters of `casts`: a voter's second cast in the window is not counted again. */
  readonly voters: Set<string>;
  /** Every cast from the block, per fingerprint. */
  readonly counts: Map<string, number>;
  /** The block's accepted casts, per fingerprint: its own share of the baseline. */
  readonly accepted: Map<string, number>;
  acceptedTotal: number;
}

/** A cast observed, to be settled once the risk layer has decided it. */
export interface ObservedCast {
  accept(): void;
}

export class BallotConcentration {
  private readonly blocks = new Map<string, Block>();
  /** Every block's accepted casts in the window, per (election-scoped) fingerprint. */
  private readonly everywhere = new Map<string, number>();
  /** How many different answers have been accepted, per question (and for whole ballots): the smoothing's categories. */
  private readonly distinct = new Map<string, number>();
  /** Accepted casts in the window, per election. */
  private readonly totals = new Map<string, number>();
  /** All casts in the window, oldest first, to expire them. */
  private readonly timeline: Array<{ readonly at: number; readonly block: string }> = [];
  private expiredUpTo = 0;

  constructor(private readonly options: ConcentrationOptions = CONCENTRATION_DEFAULTS) {}

  /**
   * Counts this cast in its block and says whether it belongs to a concentrated group; `accept()`
   * on the answer adds it to the baseline, once the cast is let through.
   */
  observe(scope: CastScope, answers: readonly string[], now: number): ConcentrationVerdict & ObservedCast {
    this.expire(now - this.options.windowMs);
    if (this.timeline.length - this.expiredUpTo >= this.options.maxCasts)
      this.expire(this.timeline[this.expiredUpTo]!.at);
    const block = `${scope.election}\n${scope.block}`;
    const entry = this.blockOf(block, scope.election);
    const fingerprints = answers.map((answer) => `${scope.election}/${answer}`);
    if (entry.voters.has(scope.voter)) return { ...this.judge(entry, fingerprints), accept: () => undefined };
    const cast: Cast = { at: now, voter: scope.voter, fingerprints, accepted: false, gone: false };
    entry.casts.push(cast);
    entry.voters.add(scope.voter);
    this.timeline.push({ at: now, block });
    for (const fingerprint of fingerprints) increment(entry.counts, fingerprint);
    const accept = () => {
      if (cast.accepted || cast.gone) return;
      cast.accepted = true;
      entry.acceptedTotal += 1;
      increment(this.totals, entry.election);
      for (const fingerprint of fingerprints) {
        increment(entry.accepted, fingerprint);
        if (increment(this.everywhere, fingerprint) === 1) increment(this.distinct, dimensionOf(fingerprint));
      }
    };
    return { ...this.judge(entry, fingerprints), accept };
  }

  /**
   * The voters of the block's casts in the window whose answers include `fingerprint` (as a
   * verdict's group names it): the members of a group, the earlier ones included.
   */
  membersOf(
    scope: Omit<CastScope, "voter">,
    fingerprint: string,
  ): Array<{ readonly voter: string; readonly accepted: boolean }> {
    const entry = this.blocks.get(`${scope.election}\n${scope.block}`);
    const wanted = `${scope.election}/${fingerprint}`;
    return entry
      ? entry.casts
          .filter((cast) => cast.fingerprints.includes(wanted))
          .map(({ voter, accepted }) => ({ voter, accepted }))
      : [];
  }

  private judge(entry: Block, fingerprints: readonly string[]): ConcentrationVerdict {
    const n = entry.casts.length;
    if (n < this.options.minGroup) return { concentrated: false };
    const othersTotal = (this.totals.get(entry.election) ?? 0) - entry.acceptedTotal;
    let strongest: { fingerprint: string; same: number; exponent: number } | undefined;
    for (const fingerprint of fingerprints) {
      const k = entry.counts.get(fingerprint) ?? 0;
      if (k < this.options.minGroup) continue;
      const elsewhere = (this.everywhere.get(fingerprint) ?? 0) - (entry.accepted.get(fingerprint) ?? 0);
      // Laplace smoothing: as if every different answer to the same question had been seen once more.
      const p = (elsewhere + 1) / (othersTotal + Math.max(1, this.distinct.get(dimensionOf(fingerprint)) ?? 0));
      const exponent = n * klDivergence(k / n, p);
      if (k / n > p && (!strongest || exponent > strongest.exponent)) strongest = { fingerprint, same: k, exponent };
    }
    if (!strongest) return { concentrated: false };
    return {
      concentrated: Math.exp(-strongest.exponent) < this.options.significance,
      // The answer as ballotFingerprints gave it, without its election.
      group: {
        fingerprint: strongest.fingerprint.slice(entry.election.length + 1),
        same: strongest.same,
        fromBlock: n,
      },
    };
  }

  private blockOf(block: string, election: string): Block {
    let entry = this.blocks.get(block);
    if (entry) {
      // Re-inserted: the map's order is the order blocks were last seen.
      this.blocks.delete(block);
    } else {
      entry = { election, casts: [], voters: new Set(), counts: new Map(), accepted: new Map(), acceptedTotal: 0 };
      if (this.blocks.size >= this.options.maxBlocks) this.forget(this.blocks.keys().next().value!);
    }
    this.blocks.set(block, entry);
    return entry;
  }

  /** Forgets every cast made at or before `horizon`. */
  private expire(horizon: number): void {
    while (this.expiredUpTo < this.timeline.length && this.timeline[this.expiredUpTo]!.at <= horizon) {
      const { block } = this.timeline[this.expiredUpTo++]!;
      const entry = this.blocks.get(block);
      const oldest = entry?.casts[0];
      if (!entry || !oldest || oldest.at > horizon) continue; // the block was forgotten already
      entry.casts.shift();
      this.uncount(entry, oldest);
      entry.voters.delete(oldest.voter);
      if (entry.casts.length === 0) this.blocks.delete(block);
    }
    // Compact now and then rather than shifting the timeline on every expiry.
    if (this.expiredUpTo > 4096 && this.expiredUpTo * 2 > this.timeline.length) {
      this.timeline.splice(0, this.expiredUpTo);
      this.expiredUpTo = 0;
    }
  }

  private forget(block: string): void {
    const entry = this.blocks.get(block)!;
    for (const cast of entry.casts) this.uncount(entry, cast);
    entry.casts.length = 0;
    entry.voters.clear();
    this.blocks.delete(block);
  }

  private uncount(entry: Block, cast: Cast): void {
    cast.gone = true;
    for (const fingerprint of cast.fingerprints) decrement(entry.counts, fingerprint);
    if (!cast.accepted) return;
    decrement(this.totals, entry.election);
    entry.acceptedTotal -= 1;
    for (const fingerprint of cast.fingerprints) {
      decrement(entry.accepted, fingerprint);
      if (decrement(this.everywhere, fingerprint) === 0) decrement(this.distinct, dimensionOf(fingerprint));
    }
  }
}

/** What a fingerprint answers, in its election: one question (".../mascot" for ".../mascot=fox"), or the whole ballot (".../*"). */
const dimensionOf = (fingerprint: string) => fingerprint.slice(0, fingerprint.indexOf("="));

function increment(counts: Map<string, number>, key: string): number {
  const now = (counts.get(key) ?? 0) + 1;
  counts.set(key, now);
  return now;
}

function decrement(counts: Map<string, number>, key: string): number {
  const left = (counts.get(key) ?? 0) - 1;
  if (left > 0) counts.set(key, left);
  else counts.delete(key);
  return left;
}

/** Kullback–Leibler divergence of Bernoulli(q) from Bernoulli(p), in nats. */
function klDivergence(q: number, p: number): number {
  const term = (a: number, b: number) => (a === 0 ? 0 : a * Math.log(a / b));
  return term(q, p) + term(1 - q, 1 - p);
}

/**
 * What a ballot's answers look like for grouping, from the request as sent (before validation, so
 * a malformed one simply has none): the whole ballot ("*=…"), and each question's answer
 * ("<question id>=…"; question ids are letters, digits and '-', so the first '=' ends it). Choices are
 * sorted, so reordering them does not make a farm's ballots look different (a ranking's order is
 * lost too, which only makes groups coarser). A score answer is its options scored above 1 with
 * their scores: the lowest score of a range is 0 or 1, which a stored ballot fills in for every
 * option left out, so the answer as sent and as stored look the same.
 */
export function ballotFingerprints(ballot: unknown): string[] {
  const answers = (ballot as { answers?: unknown } | null)?.answers;
  if (typeof answers !== "object" || answers === null) return [];
  const parts: string[] = [];
  for (const questionId of Object.keys(answers).sort()) {
    const answer = (answers as Record<string, unknown>)[questionId] as {
      choices?: unknown;
      abstain?: unknown;
      scores?: unknown;
    } | null;
    if (answer?.abstain === true) parts.push(`${questionId}=abstain`);
    else if (Array.isArray(answer?.choices) && answer.choices.every((c) => typeof c === "string"))
      parts.push(answerPart(questionId, answer.choices));
    else if (isScores(answer?.scores)) parts.push(scoresPart(questionId, answer.scores));
    else return [];
  }
  return withWholeBallot(parts);
}

/** The same fingerprints from a stored (canonical) ballot, as the stream carries it: equal to ballotFingerprints of the ballot as sent. */
export function canonicalBallotFingerprints(ballot: CanonicalBallot): string[] {
  const parts = [...ballot]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([questionId, answer]) =>
      answer === "abstain"
        ? `${questionId}=abstain`
        : "scores" in answer
          ? scoresPart(questionId, answer.scores)
          : answerPart(questionId, "ranking" in answer ? answer.ranking : answer.choices),
    );
  return withWholeBallot(parts);
}

const answerPart = (questionId: string, choices: readonly string[]) => `${questionId}=${[...choices].sort().join(",")}`;

const isScores = (scores: unknown): scores is Record<string, number> =>
  typeof scores === "object" && scores !== null && Object.values(scores).every((s) => typeof s === "number");

const scoresPart = (questionId: string, scores: Readonly<Record<string, number>>) =>
  answerPart(
    questionId,
    Object.entries(scores)
      .filter(([, score]) => score > 1)
      .map(([id, score]) => `${id}:${score}`),
  );

const withWholeBallot = (parts: readonly string[]) =>
  parts.length > 1 ? [`*=${parts.join("&")}`, ...parts] : [...parts];
