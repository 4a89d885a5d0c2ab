import type { _Record as StreamRecord } from "@aws-sdk/client-dynamodb-streams";
import { castBeforeDeadline, type ChangeAdmission } from "../../tally/admit-change";
import type { VoteChange } from "../../tally/vote-change";
import { toVoteChange } from "./stream-records";

/** Each election's voting deadline (votingDeadline), if it has one. */
export type DeadlineOf = (electionId: string) => Promise<Date | null>;

export type Admitted = { ok: true; change: VoteChange } | { ok: false; code: string; reason: string };

/**
 * Reads a change record and decides whether it may count: a record that is no vote fails as
 * UNREADABLE, one the admission refuses with its stable reason first, for dead letters and metrics.
 */
export function admitted(record: StreamRecord, admit: ChangeAdmission): Admitted {
  const parsed = toVoteChange(record);
  if (!parsed.ok) return { ...parsed, code: "UNREADABLE" };
  const check = admit(parsed.change);
  return check.ok ? parsed : { ok: false, code: check.reason, reason: `${check.reason}: ${check.message}` };
}

/** The admission rule for a page of records: `admit`, and cast before its election's deadline (read once per election and page). */
export async function admissionFor(
  records: readonly StreamRecord[],
  admit: ChangeAdmission,
  deadlineOf: DeadlineOf | undefined,
): Promise<ChangeAdmission> {
  if (!deadlineOf) return admit;
  const ids = new Set(records.flatMap((r) => electionOf(r) ?? []));
  const deadlines = new Map<string, Date>();
  for (const id of ids) {
    const deadline = await deadlineOf(id);
    if (deadline) deadlines.set(id, deadline);
  }
  return castBeforeDeadline(admit, deadlines);
}

/** The election a change record names, if it names one. */
export function electionOf(record: StreamRecord): string | undefined {
  return (record.dynamodb?.NewImage ?? record.dynamodb?.OldImage)?.electionId?.S;
}

/** Spreads batches over counter shards; any choice is correct, an even one keeps items cool. */
export function counterShardFor(sequenceNumber: string, shards: number): number {
  let hash = 0;
  for (const char of sequenceNumber) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % shards;
}
