import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { parseRollRows, reweightedRows } from "@landslide/vote-engine";
import { MAX_VALUE_LENGTH, ROWS_PER_BATCH } from "../client/roll/import-roll";
import { officialProcedure } from "../trpc";
import { recordAction } from "./audit-action";
import { electionOrRefuse } from "./election-or-refuse";
import { reasonInput } from "./election-input";

export const voterRollRouter = {
  /**
   * Adds a batch of roll rows (`{ email }` or `{ externalId }`) to an election's voter roll. Good
   * rows are stored, bad ones come back with their row number (counted from `firstRow`); adding a
   * row twice changes nothing, so an interrupted import is simply run again.
   */
  import: officialProcedure
    .input(
      z
        .object({
          electionId: z.uuid(),
          rows: z
            .array(z.record(z.string(), z.string().max(MAX_VALUE_LENGTH)))
            .min(1)
            .max(ROWS_PER_BATCH),
          firstRow: z.number().int().min(1).default(1),
          reason: reasonInput.default("voter roll import"),
        })
        .strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const election = await electionOrRefuse(ctx.services.repository(), input.electionId);
      const parsed = parseRollRows(input.rows);
      // A voter already on the roll keeps the weight first imported: ballots may carry it, signed.
      const stored = await ctx.services.voterRoll.weightsOf(election.id, parsed.entries);
      const reweighted = reweightedRows(parsed.entries, parsed.entryRows, stored);
      const refused = new Set(reweighted.map((error) => error.row));
      const entries = parsed.entries.filter((_, i) => !refused.has(parsed.entryRows[i]!));
      const added = await ctx.services.voterRoll.add(election.id, entries);
      const errors = [...parsed.errors, ...reweighted].sort((a, b) => a.row - b.row);
      const shifted = errors.map((error) => ({ ...error, row: error.row + input.firstRow - 1 }));
      await recordAction(ctx, "roll.import", election.id, input.reason, {
        rows: input.rows.length,
        imported: entries.length,
        added,
        rejected: errors.length,
        firstRow: input.firstRow,
      });
      return { imported: entries.length, added, errors: shifted };
    }),

  /** How many people the roll holds: what turnout is a share of. */
  size: officialProcedure.input(z.object({ electionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const election = await electionOrRefuse(ctx.services.repository(), input.electionId);
    return { electionId: election.id, voters: await ctx.services.voterRoll.size(election.id) };
  }),
} satisfies TRPCRouterRecord;
