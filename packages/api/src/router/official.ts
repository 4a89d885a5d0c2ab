import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { compareWithLiveTally, electionStatuses, recount, transition } from "@landslide/vote-engine";
import { refusal, refuse } from "../errors";
import { officialProcedure } from "../trpc";

const electionId = z.object({ electionId: z.uuid() }).strict();

export const officialRouter = {
  /** Moves an election through its lifecycle; certifying needs a recount equal to the live tally. */
  transition: officialProcedure
    .input(z.object({ electionId: z.uuid(), to: z.enum(electionStatuses), reason: z.string().trim().min(3).max(500) }).strict())
    .mutation(async ({ ctx, input }) => {
      const repository = ctx.services.repository();
      const election = await repository.get(input.electionId);
      if (!election) throw refuse({ code: "ELECTION_NOT_FOUND", message: "There is no such election." });
      let recountMatchesTally: boolean | undefined;
      if (input.to === "certified") {
        const exact = await recount(election, ctx.services.votes.scan(election.id));
        recountMatchesTally = compareWithLiveTally(await ctx.services.tallies.readCounters(election.id), exact.counters).length === 0;
      }
      const next = transition(election, input.to, { now: ctx.services.clock.now(), ...(recountMatchesTally === undefined ? {} : { recountMatchesTally }) });
      if (!next.ok) throw refuse(next.error);
      if (!(await repository.updateStatus(election.id, election.status, next.value.status))) {
        throw refusal("CONFLICT", "ELECTION_CHANGED", "Someone changed this election a moment ago; reload and try again.");
      }
      return { electionId: election.id, from: election.status, to: next.value.status };
    }),
  /** The exact result from every stored vote, beside the live tally. */
  recount: officialProcedure.input(electionId).mutation(async ({ ctx, input }) => {
    const election = await ctx.services.repository().get(input.electionId);
    if (!election) throw refuse({ code: "ELECTION_NOT_FOUND", message: "There is no such election." });
    const exact = await recount(election, ctx.services.votes.scan(election.id));
    const live = await ctx.services.tallies.readCounters(election.id);
    return {
      votesRead: exact.votesRead,
      counters: Object.fromEntries(exact.counters),
      instantRunoff: exact.instantRunoff,
      differences: compareWithLiveTally(live, exact.counters),
    };
  }),
} satisfies TRPCRouterRecord;
