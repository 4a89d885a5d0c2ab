import { and, desc, eq, gte, lte, type SQL } from "drizzle-orm";
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

/** The officials' audit trail in the control plane: insert and read, never update or delete. */
export class AuditTrail {
  constructor(private readonly db: ControlPlaneDb) {}

  async record(entry: AuditEntry): Promise<AuditRecord> {
    const [row] = await this.db
      .insert(auditActions)
      .values({ ...entry, electionId: entry.electionId ?? null, reason: entry.reason ?? "", details: entry.details ?? {} })
      .returning();
    return row!;
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
