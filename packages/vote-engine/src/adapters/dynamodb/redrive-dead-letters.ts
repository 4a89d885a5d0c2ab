import type { _Record as StreamRecord } from "@aws-sdk/client-dynamodb-streams";
import type { CountedBallotSink, DeadLetter, DeadLetterQueue, FraudCaseSink, TallyStore } from "../../ports";
import type { ChangeAdmission } from "../../tally/admit-change";
import { tallyDelta } from "../../tally/tally-delta";
import { type Admitted, admissionFor, admitted, counterShardFor, type DeadlineOf } from "./change-admission";

export interface RedriveDependencies {
  readonly queue: DeadLetterQueue;
  readonly tallies: TallyStore;
  /** The aggregator's admission: signed by the vote API (signedChangesOnly); the deadline is added from deadlineOf. */
  readonly admit: ChangeAdmission;
  readonly deadlineOf?: DeadlineOf;
  /** As the aggregator: a re-driven vote opens its fraud case and is logged for the audit before it counts. */
  readonly fraudCases?: FraudCaseSink;
  readonly countedBallots?: CountedBallotSink;
  /**
   * How long a received letter stays hidden from other readers while this run works through the
   * queue; a letter that still fails shows again at the end (released), or after this at worst.
   */
  readonly hideSeconds?: number;
}

export interface RedriveReport {
  /** Letters counted now. */
  readonly redriven: number;
  /** Messages deleted without counting: a letter re-driven already, or one whose batch's replay counted the record. */
  readonly duplicates: number;
  /** Letters that still fail, with the reason they fail for now; they stay in the queue. */
  readonly stillFailing: DeadLetter[];
}

const HIDE_SECONDS = 900;

/**
 * Tries every dead letter in the queue again (after a fix) with the aggregator's own checks: one
 * that passes now is counted (exactly once: see TallyStore.redrive) and deleted; one whose record
 * is counted already is deleted; one that still fails stays, with its reason. A forged row fails
 * the signature check however often it is re-driven: nothing here can launder it.
 */
export async function redriveDeadLetters(deps: RedriveDependencies): Promise<RedriveReport> {
  const { queue, tallies } = deps;
  let redriven = 0;
  let duplicates = 0;
  const failing = new Map<string, DeadLetter>();
  const seen = new Set<string>();
  const keep: string[] = [];
  for (;;) {
    // Long polling (1 s) asks every SQS host: a short poll may answer none while letters wait.
    const page = await queue.receive({ hideSeconds: deps.hideSeconds ?? HIDE_SECONDS, waitSeconds: 1 });
    // A letter kept earlier shows again if this run outlasts its hiding: then every one was tried.
    const fresh = page.filter(({ id }) => !seen.has(id));
    keep.push(...page.filter(({ id }) => seen.has(id)).map((p) => p.receipt));
    if (fresh.length === 0) break;
    for (const { letter, id, receipt } of fresh) {
      seen.add(id);
      const check = await readmit(letter, deps);
      if (!check.ok) {
        // Listed once per record, however many messages carry it.
        failing.set(letter.sequenceNumber || id, { ...letter, code: check.code, reason: check.reason });
        keep.push(receipt);
        continue;
      }
      await deps.fraudCases?.record([check.change]);
      await deps.countedBallots?.record([check.change]);
      const counted = await tallies.redrive(
        letter,
        tallyDelta([check.change]),
        counterShardFor(letter.sequenceNumber, tallies.counterShards),
      );
      if (counted) redriven += 1;
      else duplicates += 1;
      await queue.delete([receipt]);
    }
  }
  // Visible again at once, for the next re-drive or listing.
  await queue.release(keep);
  return { redriven, duplicates, stillFailing: [...failing.values()] };
}

async function readmit(letter: DeadLetter, deps: RedriveDependencies): Promise<Admitted> {
  let record: StreamRecord;
  try {
    record = JSON.parse(letter.record) as StreamRecord;
  } catch {
    return {
      ok: false,
      code: "UNREADABLE",
      reason: "a dead letter whose record is not JSON (cut, or not the aggregator's)",
    };
  }
  // A record must be the letter's own: its sequence number is what makes the re-drive count it once.
  if (!letter.sequenceNumber || record?.dynamodb?.SequenceNumber !== letter.sequenceNumber)
    return { ok: false, code: "UNREADABLE", reason: "a dead letter whose record is not the one it names" };
  return admitted(record, await admissionFor([record], deps.admit, deps.deadlineOf));
}
