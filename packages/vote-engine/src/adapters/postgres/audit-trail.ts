import { and, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { nodeEntropy } from "../node-crypto/keys";
import { PostgresAuditLog } from "./audit-log";
import type { ControlPlaneDb } from "./client";
import { auditActions } from "./schema";

export interface AuditEntry {
  readonly actorSub: string;
  readonly actor: string;
  /** A dotted verb such as `election.transition` or `fraud.void`. */
  readonly action: string;
  readonly electionId?: string | undefined;
  readonly reason?: string | undefined;
  readonly details?: Record<string, unknown>;
}

export interface AuditRecord extends Required<Omit<AuditEntry, "electionId">> {
  readonly id: string;
  readonly at: Date;
  readonly electionId: string | null;
}

export interface AuditFilter {
  readonly electionId?: string | undefined;
  readonly action?: string | undefined;
  readonly actor?: string | undefined;
  readonly from?: Date | undefined;
  readonly to?: Date | undefined;
  readonly limit?: number | undefined;
}

/**
 * The officials' audit trail in the control plane: insert and read, never update or delete. An
 * action on an election also goes into that election's hash-chained log, in the same transaction.
 */
export class AuditTrail {
  private readonly log: PostgresAuditLog;

  constructor(private readonly db: ControlPlaneDb) {
    this.log = new PostgresAuditLog(db, nodeEntropy.sha256);
  }

  async record(entry: AuditEntry): Promise<AuditRecord> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(auditActions)
        .values({
          ...entry,
          electionId: entry.electionId ?? null,
          reason: entry.reason ?? "",
          details: entry.details ?? {},
        })
        .returning();
      const recorded = row!;
      if (recorded.electionId) {
        const { action, actor, at, reason, details } = recorded;
        await this.log.append(
          recorded.electionId,
          [{ type: "action", action, actor, at: at.toISOString(), reason, details }],
          tx,
        );
      }
      return recorded;
    });
  }

  /** The latest official decision (release or void) on a voter's held vote, with its reason. */
  async decisionOn(electionId: string, voterKey: string): Promise<AuditRecord | undefined> {
    const [row] = await this.db
      .select()
      .from(auditActions)
      .where(
        and(
          eq(auditActions.electionId, electionId),
          sql`${auditActions.action} in ('fraud.release', 'fraud.void')`,
          sql`${auditActions.details} -> 'decidedKeys' ? ${voterKey}`,
        ),
      )
      .orderBy(desc(auditActions.at))
      .limit(1);
    return row;
  }

  /** Newest first. */
  async list(filter: AuditFilter = {}): Promise<AuditRecord[]> {
    const conditions: SQL[] = [];
    if (filter.electionId) conditions.push(eq(auditActions.electionId, filter.electionId));
    if (filter.action) conditions.push(eq(auditActions.action, filter.action));
    if (filter.actor) conditions.push(eq(auditActions.actor, filter.actor));
    if (filter.from) conditions.push(gte(auditActions.at, filter.from));
    if (filter.to) conditions.push(lte(auditActions.at, filter.to));
    return this.db
      .select()
      .from(auditActions)
      .where(and(...conditions))
      .orderBy(desc(auditActions.at))
      .limit(filter.limit ?? 200);
  }
}
