import { and, asc, eq, gt, gte, inArray, lte, sql } from "drizzle-orm";
import { type SignedEpoch, sealEpoch } from "../../audit/epoch";
import { chainEntries, GENESIS_HASH, type LogEntry, type LogRecord } from "../../audit/log-record";
import type { Sha256 } from "../../audit/sha256";
import type { CountedBallotSink } from "../../ports";
import { countsVote, reinstatesVote, type VoteChange, withdrawsVote } from "../../tally/vote-change";
import type { ControlPlaneDb } from "./client";
import { auditEpochs, auditHeads, auditLog } from "./schema";

type Tx = Parameters<Parameters<ControlPlaneDb["transaction"]>[0]>[0];
export type AuditLogWriter = ControlPlaneDb | Tx;

export interface EpochSigner {
  readonly keyId: string;
  sign(payload: Uint8Array): string;
}

/**
 * The hash-chained log in Postgres. Appends and seals of one election are serialized by a row
 * lock on its head, so concurrent aggregator workers and officials extend one chain; a ballot
 * already logged (a replayed stream batch) is skipped under that lock, which makes it exactly once.
 */
export class PostgresAuditLog implements CountedBallotSink {
  constructor(
    private readonly db: ControlPlaneDb,
    private readonly sha256: Sha256,
  ) {}

  /**
   * Logs the commitment of every vote the batch counts, per election, in stream order; a counted
   * vote withheld for review is logged as withdrawn, and reinstated if an official releases it.
   */
  async record(changes: readonly VoteChange[]): Promise<void> {
    const byElection = new Map<string, LogEntry[]>();
    for (const change of changes) {
      const entry = standingEntry(change);
      if (!entry) continue;
      const entries = byElection.get(change.electionId) ?? [];
      entries.push(entry);
      byElection.set(change.electionId, entries);
    }
    for (const [electionId, entries] of byElection) await this.append(electionId, entries);
  }

  /** Appends to the election's chain inside the caller's transaction, or its own. Returns what was appended. */
  async append(electionId: string, entries: readonly LogEntry[], tx?: Tx): Promise<LogRecord[]> {
    if (entries.length === 0) return [];
    if (!tx) return this.db.transaction((own) => this.append(electionId, entries, own));
    const head = await lockHead(tx, electionId);
    const fresh = await withoutLoggedBallots(tx, entries);
    const records = chainEntries(this.sha256, { electionId, seq: head.seq, hash: head.hash }, fresh);
    const last = records[records.length - 1];
    if (!last) return [];
    await tx.insert(auditLog).values(
      records.map((r) => ({
        ...r,
        receiptId: r.entry.type === "ballot" ? r.entry.receiptId : null,
        standingKey: standingKeyOf(r.entry),
      })),
    );
    await tx.update(auditHeads).set({ seq: last.seq, hash: last.hash }).where(eq(auditHeads.electionId, electionId));
    return records;
  }

  /** Seals every unsealed record of the election into epochs of at most `maxRecords`. */
  async seal(electionId: string, signer: EpochSigner, maxRecords: number, now: Date): Promise<SignedEpoch[]> {
    return this.db.transaction(async (tx) => {
      const head = await lockHead(tx, electionId);
      const sealed: SignedEpoch[] = [];
      let previous = { epoch: head.epoch, root: head.epochRoot };
      let from = head.sealedSeq + 1;
      while (from <= head.seq) {
        const to = Math.min(head.seq, from + maxRecords - 1);
        const records = await this.recordsBetween(electionId, from, to, tx);
        const epoch = sealEpoch(
          { sha256: this.sha256, sign: (p) => signer.sign(p), keyId: signer.keyId },
          previous,
          records,
          now,
        );
        await tx.insert(auditEpochs).values({ ...epoch.statement, signature: epoch.signature });
        sealed.push(epoch);
        previous = { epoch: epoch.statement.epoch, root: epoch.statement.root };
        from = to + 1;
      }
      const last = sealed[sealed.length - 1];
      if (last) {
        await tx
          .update(auditHeads)
          .set({ sealedSeq: last.statement.lastSeq, epoch: last.statement.epoch, epochRoot: last.statement.root })
          .where(eq(auditHeads.electionId, electionId));
      }
      return sealed;
    });
  }

  /**
   * Elections whose unsealed records are due: at least `minRecords` of them, or the oldest
   * appended before `olderThan`.
   */
  async dueForSealing(minRecords: number, olderThan: Date): Promise<string[]> {
    const rows = await this.db
      .select({ electionId: auditHeads.electionId })
      .from(auditHeads)
      .where(
        and(
          gt(auditHeads.seq, auditHeads.sealedSeq),
          sql`(${auditHeads.seq} - ${auditHeads.sealedSeq} >= ${minRecords} or exists (
            select 1 from ${auditLog} where ${auditLog.electionId} = ${auditHeads.electionId}
              and ${auditLog.seq} = ${auditHeads.sealedSeq} + 1 and ${auditLog.loggedAt} <= ${olderThan.toISOString()}))`,
        ),
      );
    return rows.map((r) => r.electionId);
  }

  async records(electionId: string): Promise<LogRecord[]> {
    return this.recordsBetween(electionId, 1, Number.MAX_SAFE_INTEGER);
  }

  async epochs(electionId: string): Promise<SignedEpoch[]> {
    const rows = await this.db
      .select()
      .from(auditEpochs)
      .where(eq(auditEpochs.electionId, electionId))
      .orderBy(asc(auditEpochs.epoch));
    return rows.map(({ signature, ...statement }) => ({ statement, signature }));
  }

  /** A ballot's record by receipt id, and the epoch that seals it once there is one. */
  async findBallot(
    receiptId: string,
  ): Promise<{ record: LogRecord; epoch?: SignedEpoch; epochHashes?: string[] } | undefined> {
    const [row] = await this.db.select().from(auditLog).where(eq(auditLog.receiptId, receiptId));
    if (!row) return undefined;
    const record = toRecord(row);
    const [epochRow] = await this.db
      .select()
      .from(auditEpochs)
      .where(
        and(
          eq(auditEpochs.electionId, row.electionId),
          lte(auditEpochs.firstSeq, row.seq),
          gte(auditEpochs.lastSeq, row.seq),
        ),
      );
    if (!epochRow) return { record };
    const { signature, ...statement } = epochRow;
    const hashes = await this.db
      .select({ hash: auditLog.hash })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.electionId, row.electionId),
          gte(auditLog.seq, statement.firstSeq),
          lte(auditLog.seq, statement.lastSeq),
        ),
      )
      .orderBy(asc(auditLog.seq));
    return { record, epoch: { statement, signature }, epochHashes: hashes.map((h) => h.hash) };
  }

  /** Records from…to (inclusive), in order. */
  async recordsBetween(
    electionId: string,
    from: number,
    to: number,
    tx: AuditLogWriter = this.db,
  ): Promise<LogRecord[]> {
    const rows = await tx
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.electionId, electionId), gte(auditLog.seq, from), lte(auditLog.seq, to)))
      .orderBy(asc(auditLog.seq));
    return rows.map(toRecord);
  }
}

function toRecord(row: typeof auditLog.$inferSelect): LogRecord {
  return { electionId: row.electionId, seq: row.seq, prevHash: row.prevHash, entry: row.entry, hash: row.hash };
}

async function lockHead(tx: Tx, electionId: string) {
  await tx.insert(auditHeads).values({ electionId, hash: GENESIS_HASH, epochRoot: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.electionId, electionId)).for("update");
  if (!head) throw new Error(`audit head of ${electionId} vanished`);
  return head;
}

/** The log entry a vote change makes, if any (the stream reader sets aside a counted vote without its signed receipt). */
function standingEntry(change: VoteChange): LogEntry | undefined {
  if (!change.signed) return undefined;
  const { receiptId, commitment, castAt, keyId, binding, signature, weight, optionOrder } = change.signed.receipt;
  if (withdrawsVote(change)) return { type: "withdrawal", receiptId, reasons: [...(change.reasons ?? [])] };
  if (reinstatesVote(change)) return { type: "reinstatement", receiptId };
  if (countsVote(change))
    return {
      type: "ballot",
      receiptId,
      commitment,
      castAt,
      keyId,
      binding,
      signature,
      ...(weight !== undefined && weight !== 1 ? { weight } : {}),
      ...(optionOrder !== undefined ? { optionOrder } : {}),
    };
  return undefined;
}

function standingKeyOf(entry: LogEntry): string | null {
  return entry.type === "withdrawal" || entry.type === "reinstatement" ? `${entry.type}:${entry.receiptId}` : null;
}

/** Drops ballots, withdrawals and reinstatements the log already holds, and repeats within the batch. */
async function withoutLoggedBallots(tx: Tx, entries: readonly LogEntry[]): Promise<LogEntry[]> {
  const receiptIds = entries.flatMap((e) => (e.type === "ballot" ? [e.receiptId] : []));
  const standingKeys = entries.flatMap((e) => standingKeyOf(e) ?? []);
  if (receiptIds.length === 0 && standingKeys.length === 0) return [...entries];
  const [ballots, standings] = await Promise.all([
    receiptIds.length
      ? tx.select({ key: auditLog.receiptId }).from(auditLog).where(inArray(auditLog.receiptId, receiptIds))
      : [],
    standingKeys.length
      ? tx.select({ key: auditLog.standingKey }).from(auditLog).where(inArray(auditLog.standingKey, standingKeys))
      : [],
  ]);
  const seen = new Set([...ballots, ...standings].map((r) => r.key));
  return entries.filter((e) => {
    const key = e.type === "ballot" ? e.receiptId : standingKeyOf(e);
    if (key === null) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
