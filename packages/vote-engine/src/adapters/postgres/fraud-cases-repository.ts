import { and, asc, eq } from "drizzle-orm";
import type { ControlPlaneDb } from "./client";
import { fraudCases } from "./schema";

export type FraudCase = typeof fraudCases.$inferSelect;
export type FraudCaseState = FraudCase["state"];

/** What officials read of the fraud cases the aggregator opened from quarantined votes. */
export class FraudCasesRepository {
  constructor(private readonly db: ControlPlaneDb) {}

  /** Oldest first: the queue an official works through. */
  async list(electionId: string, state?: FraudCaseState, limit = 500): Promise<FraudCase[]> {
    return this.db
      .select()
      .from(fraudCases)
      .where(and(eq(fraudCases.electionId, electionId), state ? eq(fraudCases.state, state) : undefined))
      .orderBy(asc(fraudCases.openedAt))
      .limit(limit);
  }

  /** The case of the vote that got this receipt, if the vote was ever held for review. */
  async byReceipt(receiptId: string): Promise<FraudCase | undefined> {
    const [row] = await this.db.select().from(fraudCases).where(eq(fraudCases.receiptId, receiptId));
    return row;
  }

  async get(electionId: string, voterKey: string): Promise<FraudCase | undefined> {
    const [row] = await this.db
      .select()
      .from(fraudCases)
      .where(and(eq(fraudCases.electionId, electionId), eq(fraudCases.voterKey, voterKey)));
    return row;
  }
}
