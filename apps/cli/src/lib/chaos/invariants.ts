import type { ArchiveReport, Receipt, StoredVote, VerificationReport } from "@landslide/vote-engine";
import { TURNOUT } from "./stored-votes";

/**
 * What must hold after the faults, whatever they did: the checks `election chaos` proves and
 * prints. Pure: each takes what was read (the receipts, the stored votes, the tallies, the audit
 * verification, the watchers' snapshots) and says pass or fail, with its figures and, on a
 * failure, what differed.
 */

export type InvariantId =
  | "receipts-stored"
  | "tally-recount-stored-agree"
  | "no-double-count"
  | "audit-chain-verifies"
  | "live-results-converge";

export interface CounterRow {
  readonly counter: string;
  readonly live: number;
  readonly recount: number;
  readonly stored: number;
}

export interface Invariant {
  readonly id: InvariantId;
  readonly title: string;
  readonly ok: boolean;
  readonly figures: Readonly<Record<string, number | string | boolean | null>>;
  /** What differed, one line each (at most 20; `figures` has the totals). */
  readonly problems: readonly string[];
  /** The per-counter comparison, for the tally check. */
  readonly counters?: readonly CounterRow[];
}

const MAX_PROBLEMS = 20;
const first = (problems: string[]) => problems.slice(0, MAX_PROBLEMS);

/** The acknowledgement the drill keeps of a cast: the API's receipt and decision. */
export interface Acknowledgement {
  readonly voter: number;
  readonly decision: string;
  readonly receipt: Receipt;
}

/**
 * 1. Every acknowledged receipt's vote is stored: a row with that receipt id, signed the same
 * (commitment and signature), in the same election, and still counted (or held) as the receipt said.
 */
export function receiptsStored(acknowledged: readonly Acknowledgement[], stored: readonly StoredVote[]): Invariant {
  const byReceipt = new Map(stored.map((vote) => [vote.receipt.receiptId, vote]));
  const problems: string[] = [];
  let missing = 0;
  let altered = 0;
  for (const { receipt, decision, voter } of acknowledged) {
    const vote = byReceipt.get(receipt.receiptId);
    if (!vote) {
      missing++;
      problems.push(`receipt ${receipt.receiptId} (voter ${voter + 1}): no stored vote`);
      continue;
    }
    const counted = vote.state === "accepted" || vote.state === "released";
    const asAcknowledged = decision === "quarantined" ? vote.state !== "voided" : counted;
    if (
      vote.receipt.commitment !== receipt.commitment ||
      vote.receipt.signature !== receipt.signature ||
      vote.electionId !== receipt.electionId ||
      !asAcknowledged
    ) {
      altered++;
      problems.push(
        `receipt ${receipt.receiptId} (voter ${voter + 1}): stored ${vote.state}, but not as acknowledged (${decision})`,
      );
    }
  }
  return {
    id: "receipts-stored",
    title: "every acknowledged receipt's vote is stored",
    ok: missing === 0 && altered === 0,
    figures: { acknowledged: acknowledged.length, found: acknowledged.length - missing - altered, missing, altered },
    problems: first(problems),
  };
}

/**
 * 2. The live tally, the recount from the stored votes, and the drill's own count of the stored
 * votes agree on every counter (turnout, held, each option, each question's abstentions).
 */
export function tallyRecountStoredAgree(
  live: Readonly<Record<string, number>>,
  recount: {
    readonly counters: Readonly<Record<string, number>>;
    readonly votesRead: number;
    readonly rejected: number;
  },
  stored: Readonly<Record<string, number>>,
): Invariant {
  const names = [...new Set([...Object.keys(live), ...Object.keys(recount.counters), ...Object.keys(stored)])]
    .filter((name) => name !== "__version")
    .sort();
  const counters = names.map((counter) => ({
    counter,
    live: live[counter] ?? 0,
    recount: recount.counters[counter] ?? 0,
    stored: stored[counter] ?? 0,
  }));
  const differing = counters.filter((row) => row.live !== row.recount || row.recount !== row.stored);
  return {
    id: "tally-recount-stored-agree",
    title: "live tally = recount = stored votes, per counter",
    ok: differing.length === 0 && recount.rejected === 0,
    figures: {
      counters: counters.length,
      differing: differing.length,
      turnoutLive: live[TURNOUT] ?? 0,
      turnoutRecount: recount.counters[TURNOUT] ?? 0,
      turnoutStored: stored[TURNOUT] ?? 0,
      votesRead: recount.votesRead,
      rejected: recount.rejected,
    },
    problems: first([
      ...differing.map((r) => `${r.counter}: live ${r.live}, recount ${r.recount}, stored ${r.stored}`),
      ...(recount.rejected > 0 ? [`${recount.rejected} stored row(s) not signed by the vote API`] : []),
    ]),
    counters,
  };
}

/**
 * 3. No vote counted twice: one stored vote per voter, one receipt per acknowledged cast and per
 * voter, and the live turnout equal to the number of distinct voters with a counted vote.
 */
export function noDoubleCount(
  stored: readonly StoredVote[],
  liveTurnout: number,
  acknowledged: readonly Acknowledgement[],
): Invariant {
  const counted = stored.filter((vote) => vote.state === "accepted" || vote.state === "released");
  const storedVoters = new Set(stored.map((vote) => vote.voterKey)).size;
  const countedVoters = new Set(counted.map((vote) => vote.voterKey)).size;
  const receipts = new Set(acknowledged.map((a) => a.receipt.receiptId)).size;
  const ackVoters = new Set(acknowledged.map((a) => a.voter)).size;
  const problems = [
    ...(storedVoters < stored.length
      ? [`${stored.length - storedVoters} voter(s) with more than one stored vote`]
      : []),
    ...(receipts < acknowledged.length ? [`${acknowledged.length - receipts} receipt(s) acknowledged twice`] : []),
    ...(ackVoters < acknowledged.length ? [`${acknowledged.length - ackVoters} voter(s) acknowledged twice`] : []),
    ...(liveTurnout !== countedVoters
      ? [`live turnout ${liveTurnout} but ${countedVoters} distinct voters with a counted vote`]
      : []),
  ];
  return {
    id: "no-double-count",
    title: "no voter counted twice",
    ok: problems.length === 0,
    figures: {
      storedVotes: stored.length,
      distinctVoters: storedVoters,
      countedVotes: counted.length,
      distinctCountedVoters: countedVoters,
      liveTurnout,
      acknowledgedReceipts: acknowledged.length,
      distinctReceipts: receipts,
    },
    problems,
  };
}

/**
 * 4. The audit chain verifies, as `election audit verify --archive` verifies the published bundle
 * (hash chain, signed epochs, every ballot once and opening its commitment, the result) and
 * compares it with the write-once archive (every epoch archived as published, locked), and every
 * acknowledged counted receipt's ballot is among the published ones.
 */
export function auditChainVerifies(
  verification: VerificationReport,
  archive: ArchiveReport,
  publishedReceiptIds: readonly string[],
  acknowledged: readonly Acknowledgement[],
): Invariant {
  const published = new Set(publishedReceiptIds);
  const unpublished = acknowledged.filter((a) => a.decision !== "quarantined" && !published.has(a.receipt.receiptId));
  return {
    id: "audit-chain-verifies",
    title: "the audit chain verifies, and matches its write-once archive (election audit verify --archive)",
    ok: verification.ok && archive.ok && unpublished.length === 0,
    figures: {
      records: verification.checked.records,
      epochs: verification.checked.epochs,
      ballots: verification.checked.ballots,
      counters: verification.checked.counters,
      discrepancies: verification.discrepancies.length,
      archivedEpochs:
        archive.checked.epochs - archive.discrepancies.filter((d) => d.code === "EPOCH_NOT_ARCHIVED").length,
      archiveDiscrepancies: archive.discrepancies.length,
      acknowledgedNotPublished: unpublished.length,
    },
    problems: first([
      ...verification.discrepancies.map((d) => `${d.code}: ${d.message}`),
      ...archive.discrepancies.map((d) => `archive ${d.code}: ${d.message}`),
      ...unpublished.map((a) => `receipt ${a.receipt.receiptId} (voter ${a.voter + 1}) is not in the published bundle`),
    ]),
  };
}

/** What a watcher received: when, and the counters shown. */
export interface WatcherTimeline {
  readonly snapshots: ReadonlyArray<{ readonly atMs: number; readonly counters: Readonly<Record<string, number>> }>;
  readonly drops: number;
}

/**
 * When a watcher came to show `expected` for good: the arrival of the first snapshot of the last
 * run of snapshots equal to it; null when its last snapshot is not.
 */
export function convergedAt(
  snapshots: WatcherTimeline["snapshots"],
  expected: Readonly<Record<string, number>>,
): number | null {
  let at: number | null = null;
  for (const snapshot of snapshots) {
    if (!sameCounters(snapshot.counters, expected)) at = null;
    else at ??= snapshot.atMs;
  }
  return at;
}

/**
 * 5. The public live results converge: every watcher shows exactly the stored count within
 * `boundMs` of `sinceMs` (the later of the last fault's recovery and the last cast's answer).
 */
export function liveResultsConverge(
  watchers: readonly WatcherTimeline[],
  expected: Readonly<Record<string, number>>,
  sinceMs: number,
  boundMs: number,
): Invariant {
  const ats = watchers.map((w) => convergedAt(w.snapshots, expected));
  const behind = ats.filter((at) => at === null).length;
  const measuredMs = behind > 0 || ats.length === 0 ? null : Math.max(0, ...ats.map((at) => at! - sinceMs));
  const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
  return {
    id: "live-results-converge",
    title: `the live results show the full count within ${boundMs / 1000} s of the last fault and cast`,
    ok: measuredMs !== null && measuredMs <= boundMs,
    figures: {
      watchers: watchers.length,
      boundSeconds: boundMs / 1000,
      measuredSeconds: seconds(measuredMs),
      expectedTurnout: expected[TURNOUT] ?? 0,
      reconnections: watchers.reduce((sum, w) => sum + w.drops, 0),
      snapshots: watchers.reduce((sum, w) => sum + w.snapshots.length, 0),
    },
    problems: watchers.flatMap((w, i) => {
      const last = w.snapshots.at(-1)?.counters;
      if (ats[i] !== null) return [];
      return [
        `watcher ${i + 1} shows turnout ${last?.[TURNOUT] ?? "nothing"} for ${expected[TURNOUT] ?? 0} stored${last ? `; differing: ${differingNames(last, expected).join(", ")}` : ""}`,
      ];
    }),
  };
}

function names(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((name) => name !== "__version");
}

function differingNames(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): string[] {
  return names(a, b).filter((name) => (a[name] ?? 0) !== (b[name] ?? 0));
}

/** Equal counters, a missing one being 0 (the snapshot lists every option; the count only those chosen). */
export function sameCounters(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  return differingNames(a, b).length === 0;
}
