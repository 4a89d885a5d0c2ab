import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Election, ElectionStatus } from "../../election/definition";
import { DEFAULT_CONTENT_LANGUAGE } from "../../election/localized-election";
import type { ElectionTranslations } from "../../election/translations";
import type { ControlPlaneDb } from "./client";
import { elections, questions } from "./schema";

/** An election as the control plane holds it: always with the version of its last change. */
export type StoredElection = Election & { readonly version: number };

const nextVersion = sql`${elections.version} + 1`;

/** Reads and writes elections in the control plane. */
export class ElectionsRepository {
  constructor(private readonly db: ControlPlaneDb) {}

  async list(): Promise<StoredElection[]> {
    const rows = await this.db.query.elections.findMany({ orderBy: [asc(elections.createdAt)] });
    const all = await this.db.select().from(questions).orderBy(asc(questions.electionId), asc(questions.position));
    return this.assemble(rows, all);
  }

  async get(id: string): Promise<StoredElection | undefined> {
    const rows = await this.db.select().from(elections).where(eq(elections.id, id));
    if (rows.length === 0) return undefined;
    const qs = await this.db
      .select()
      .from(questions)
      .where(eq(questions.electionId, id))
      .orderBy(asc(questions.position));
    return this.assemble(rows, qs)[0];
  }

  private assemble(rows: (typeof elections.$inferSelect)[], all: (typeof questions.$inferSelect)[]): StoredElection[] {
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      description: row.description,
      language: row.language,
      translations: row.translations,
      status: row.status,
      allowAbstain: row.allowAbstain,
      eligibility: row.eligibility,
      passkeyPolicy: row.passkeyPolicy,
      ...(row.tieRule ? { tieRule: row.tieRule } : {}),
      ...(row.optionOrder ? { optionOrder: row.optionOrder } : {}),
      opensAt: row.opensAt,
      closesAt: row.closesAt,
      stopsAt: row.stopsAt,
      version: row.version,
      questions: all
        .filter((q) => q.electionId === row.id)
        .map((q) => ({
          id: q.id,
          kind: q.kind,
          prompt: q.prompt,
          minChoices: q.minChoices,
          maxChoices: q.maxChoices,
          options: q.options,
          ...(q.counting ? { counting: q.counting } : {}),
          ...(q.scoreRange ? { scoreRange: q.scoreRange } : {}),
        })),
    }));
  }

  async exists(id: string): Promise<boolean> {
    const found = await this.db.select({ id: elections.id }).from(elections).where(eq(elections.id, id));
    return found.length > 0;
  }

  /**
   * Changes the status only if it is still `from`: two officials clicking at once cannot both
   * move the same election. `stopsAt` is when a
   * pause or close takes effect (see lifecycle.ts); undefined leaves it as it is. Returns the
   * election as stored now (with its new version), or undefined when someone moved it first.
   */
  async updateStatus(
    id: string,
    from: Election["status"],
    to: Election["status"],
    stopsAt?: Date | null,
  ): Promise<StoredElection | undefined> {
    const updated = await this.db
      .update(elections)
      .set({ status: to, updatedAt: new Date(), version: nextVersion, ...(stopsAt === undefined ? {} : { stopsAt }) })
      .where(and(eq(elections.id, id), eq(elections.status, from)))
      .returning({ id: elections.id });
    return updated.length === 1 ? this.get(id) : undefined;
  }

  /**
   * Moves a pending stop later, only if the election is still at `version`: a stop that could not
   * reach every task in time is given the notice again (never earlier: casts were promised until then).
   */
  async postponeStop(id: string, version: number, stopsAt: Date): Promise<StoredElection | undefined> {
    const updated = await this.db
      .update(elections)
      .set({ stopsAt, updatedAt: new Date(), version: nextVersion })
      .where(and(eq(elections.id, id), eq(elections.version, version), lt(elections.stopsAt, stopsAt)))
      .returning({ id: elections.id });
    return updated.length === 1 ? this.get(id) : undefined;
  }

  /**
   * Replaces only the language and translations of an election, whatever its status: for seeding
   * (the demo election gains the translations a newer release ships). Ballots name ids, never
   * texts, so no cast changes meaning. Returns the election as stored now.
   */
  async replaceTranslations(
    id: string,
    language: string,
    translations: ElectionTranslations,
  ): Promise<StoredElection | undefined> {
    const updated = await this.db
      .update(elections)
      .set({ language, translations, updatedAt: new Date(), version: nextVersion })
      .where(eq(elections.id, id))
      .returning({ id: elections.id });
    return updated.length === 1 ? this.get(id) : undefined;
  }

  /** Inserts the election and its questions in one transaction; it is stored as version 1. */
  async insert(election: Election): Promise<StoredElection> {
    return this.db.transaction(async (tx) => {
      const { questions: qs, version: _version, readAt: _readAt, ...fields } = election;
      await tx.insert(elections).values({ ...fields, version: 1 });
      await tx.insert(questions).values(qs.map((q, position) => ({ ...q, electionId: election.id, position })));
      return { ...election, ...storedTexts(election), stopsAt: election.stopsAt ?? null, version: 1 };
    });
  }

  /**
   * Replaces an election's definition (fields, status and questions) in one transaction, only while its
   * status is one of `editable`. Returns it as stored (with its new version), or undefined when it
   * has moved on meanwhile.
   */
  async replaceDefinition(
    election: Election,
    editable: readonly ElectionStatus[],
  ): Promise<StoredElection | undefined> {
    return this.db.transaction(async (tx) => {
      // The status is written too: scheduling a draft makes it "scheduled" in the same statement.
      const { questions: qs, id, version: _version, readAt: _readAt, ...fields } = election;
      const updated = await tx
        .update(elections)
        // A tie rule taken out is cleared, not left as it was.
        .set({
          ...fields,
          ...storedTexts(election),
          tieRule: election.tieRule ?? null,
          optionOrder: election.optionOrder ?? null,
          updatedAt: new Date(),
          version: nextVersion,
        })
        .where(and(eq(elections.id, id), inArray(elections.status, [...editable])))
        .returning({ version: elections.version });
      if (updated.length !== 1) return undefined;
      await tx.delete(questions).where(eq(questions.electionId, id));
      await tx.insert(questions).values(qs.map((q, position) => ({ ...q, electionId: id, position })));
      return { ...election, ...storedTexts(election), version: updated[0]!.version };
    });
  }
}

/** The language and translations as the columns hold them once written (their defaults when left out), as get() reads them back. */
function storedTexts(election: Election): Pick<StoredElection, "language" | "translations"> {
  return {
    language: election.language ?? DEFAULT_CONTENT_LANGUAGE,
    translations: election.translations ?? {},
  };
}
