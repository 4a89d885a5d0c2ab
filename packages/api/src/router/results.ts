import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { buildResultsSnapshot } from "@landslide/vote-engine";
import { refuse } from "../errors";
import { publicProcedure } from "../trpc";

export const resultsRouter = {
  /** The live, versioned snapshot read from the tally counters. */
  snapshot: publicProcedure.input(z.object({ electionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const election = await ctx.services.elections.get(input.electionId);
    if (!election) throw refuse({ code: "ELECTION_NOT_FOUND", message: "There is no such election." });
    return buildResultsSnapshot(election, await ctx.services.tallies.readCounters(election.id), ctx.services.clock.now());
  }),
} satisfies TRPCRouterRecord;
