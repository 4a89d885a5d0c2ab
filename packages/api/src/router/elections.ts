import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { refuse } from "../errors";
import { publicProcedure } from "../trpc";

const electionId = z.object({ electionId: z.uuid() }).strict();

/** Anyone may see the elections and their questions. */
export const electionsRouter = {
  list: publicProcedure.query(async ({ ctx }) => ctx.services.repository().list()),
  get: publicProcedure.input(electionId).query(async ({ ctx, input }) => {
    const election = await ctx.services.repository().get(input.electionId);
    if (!election) throw refuse({ code: "ELECTION_NOT_FOUND", message: "There is no such election." });
    return election;
  }),
} satisfies TRPCRouterRecord;
