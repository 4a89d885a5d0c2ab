import type { TRPCRouterRecord } from "@trpc/server";
import { type Election, effectiveStatus } from "@landslide/vote-engine";
import { electionNotFound } from "./election-or-refuse";
import { publicProcedure } from "../trpc";
import { electionIdInput } from "./election-input";

/** Drafts are officials' work in progress; everyone else sees an election once it is scheduled. */
const visible = (election: Election, now: Date) =>
  election.status === "draft" ? undefined : { ...election, status: effectiveStatus(election, now) };

/** Anyone may see the elections and their questions, with their status as of now. */
export const electionsRouter = {
  list: publicProcedure.query(async ({ ctx }) => {
    const now = ctx.services.clock.now();
    return (await ctx.services.repository().list())
      .map((election) => visible(election, now))
      .filter((election) => election !== undefined);
  }),
  get: publicProcedure.input(electionIdInput).query(async ({ ctx, input }) => {
    const election = await ctx.services.repository().get(input.electionId);
    const shown = election && visible(election, ctx.services.clock.now());
    if (!shown) throw electionNotFound();
    return shown;
  }),
} satisfies TRPCRouterRecord;
