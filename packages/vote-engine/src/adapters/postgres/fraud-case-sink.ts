import { sql } from "drizzle-orm";
import type { FraudCaseSink } from "../../ports";
import type { VoteChange } from "../../tally/vote-change";
import type { ControlPlaneDb } from "./client";
import { fraudCases } from "./schema";

/**
 * Opens a fraud case for each quarantined vote (held on arrival, or withheld after it was
 * counted) and records officials' decisions on it.
 * Upserts keyed by (election, voter key): a replayed batch writes the same rows again.
 */
export class PostgresFraudCaseSink implements FraudCaseSink {
  constructor(private readonly db: ControlPlaneDb) {}

  async record(changes: readonly VoteChange[]): Promise<void> {
    const rows = changes
      // A MODIFY to quarantined is a counted vote withheld after all: it opens its case as an arrival held would.
      .filter(
        (c) =>
          (c.kind !== "REMOVE" && c.state === "quarantined") ||
          (c.kind === "MODIFY" && (c.state === "released" || c.state === "voided")),
      )
      .map((c) => ({
        electionId: c.electionId,
        voterKey: c.voterKey,
        receiptId: c.receiptId ?? null,
        reasons: [...(c.reasons ?? [])],
        castAt: c.castAt ? new Date(c.castAt) : null,
        deviceId: c.evidence?.deviceId ?? null,
        networkBlock: c.evidence?.networkBlock ?? null,
        score: c.evidence?.score ?? null,
        state: c.state as "quarantined" | "released" | "voided",
      }));
    if (rows.length === 0) return;
    // A decision is final: a replayed "quarantined" must not reopen a case already decided.
    await this.db
      .insert(fraudCases)
      .values(rows)
      .onConflictDoUpdate({
        target: [fraudCases.electionId, fraudCases.voterKey],
        set: {
          state: sql`case when ${fraudCases.state} = 'quarantined' then excluded.state else ${fraudCases.state} end`,
          updatedAt: sql`now()`,
        },
      });
  }
}
