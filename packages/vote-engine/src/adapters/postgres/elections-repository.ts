import { and, asc, eq, inArray } from "drizzle-orm";
import type { Election, ElectionStatus } from "../../election/definition";
import type { ControlPlaneDb } from "./client";
import { elections, questions } from "./schema";

/** Reads and writes elections in the control plane. */
export class ElectionsRepository {
  constructor(private readonly db: ControlPlaneDb) {}

  async list(): Promise<Election[]> {
    const rows = await this.db.query.elections.findMany({ orderBy: [asc(elections.createdAt)] });
    const all = await this.db.select().from(questions).orderBy(asc(questions.electionId), asc(questions.position));
    return this.assemble(rows, all);
  }

  async get(id: string): Promise<Election | undefined> {
    const rows = await this.db.select().from(elections).where(eq(elections.id, id));
    if (rows.length === 0) return undefined;
    const qs = await this.db.select().from(questions).where(eq(questions.electionId, id)).orderBy(asc(questions.position));
    return this.assemble(rows, qs)[0];
  }

  private assemble(rows: (typeof elections.$inferSelect)[], all: (typeof questions.$inferSelect)[]): Election[] {
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      status: row.status,
      allowAbstain: row.allowAbstain,
      eligibility: row.eligibility,
      opensAt: row.opensAt,
      closesAt: row.closesAt,
      stopsAt: row.stopsAt,
      questions: all
        .filter((q) => q.electionId === row.id)
        .map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt, minChoices: q.minChoices, maxChoices: q.maxChoices, options: q.options })),
    }));
  }

  async exists(id: string): Promise<boolean> {
    const found = await this.db.select({ id: elections.id }).from(elections).where(eq(elections.id, id));
    return found.length > 0;
  }

  /**
   * Changes the status only if it is still `from`: two officials clicking at once cannot both
   * move the same election. Returns false when someone else moved it first. `stopsAt` is when a
   * pause or close takes effect (see lifecycle.ts); undefined leaves it as it is.
   */
  async updateStatus(id: string, from: Election["status"], to: Election["status"], stopsAt?: Date | null): Promise<boolean> {
    const updated = await this.db
      .update(elections)
      .set({ status: to, updatedAt: new Date(), ...(stopsAt === undefined ? {} : { stopsAt }) })
      .where(and(eq(elections.id, id), eq(elections.status, from)))
      .returning({ id: elections.id });
    return updated.length === 1;
  }

  /** Inserts the election and its questions in one transaction. */
  async insert(election: Election): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { questions: qs, ...fields } = election;
      await tx.insert(elections).values(fields);
      await tx.insert(questions).values(qs.map((q, position) => ({ ...q, electionId: election.id, position })));
    });
  }

  /**
   * Replaces an election's definition (fields, status and questions) in one transaction, only while its
   * status is one of `editable`. Returns false when it has moved on meanwhile.
   */
  async replaceDefinition(election: Election, editable: readonly ElectionStatus[]): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // The status is written too: scheduling a draft makes it "scheduled" in the same statement.
      const { questions: qs, id, ...fields } = election;
      const updated = await tx
        .update(elections)
        .set({ ...fields, updatedAt: new Date() })
        .where(and(eq(elections.id, id), inArray(elections.status, [...editable])))
        .returning({ id: elections.id });
      if (updated.length !== 1) return false;
      await tx.delete(questions).where(eq(questions.electionId, id));
      await tx.insert(questions).values(qs.map((q, position) => ({ ...q, electionId: id, position })));
      return true;
    });
  }
}
