import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { groupHeldBallots, reviewVote } from "@landslide/vote-engine";
import { refuse } from "../errors";
import { officialProcedure } from "../trpc";
import { recordAction } from "./audit-action";
import { reasonInput } from "./election-input";

const voterKey = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);
const caseKey = z.object({ electionId: z.uuid(), voterKey }).strict();

/**
 * Release (count) or void (never count) quarantined votes, one or many at once. The vote's state
 * changes by a conditional write, so a repeated click changes nothing; the tally follows through
 * the change stream, exactly once.
 */
const decide = (decision: "released" | "voided") =>
  officialProcedure
    .input(
      z.object({ electionId: z.uuid(), voterKeys: z.array(voterKey).min(1).max(500), reason: reasonInput }).strict(),
    )
    .mutation(async ({ ctx, input }) => {
      const outcomes = [];
      for (const key of new Set(input.voterKeys)) {
        const result = await reviewVote(ctx.services.votes, { electionId: input.electionId, voterKey: key, decision });
        outcomes.push(
          result.ok
            ? { voterKey: key, state: result.value.state, changed: result.value.changed }
            : { voterKey: key, error: result.error.code, message: result.error.message },
        );
      }
      const decidedKeys = outcomes.filter((o) => "changed" in o && o.changed).map((o) => o.voterKey);
      // Every key asked for is kept (who tried what), and apart from it the ones this decision
      // changed: a receipt's standing names the decision that changed it, not a refused attempt.
      await recordAction(
        ctx,
        decision === "released" ? "fraud.release" : "fraud.void",
        input.electionId,
        input.reason,
        {
          voterKeys: [...new Set(input.voterKeys)],
          decidedKeys,
          changed: decidedKeys.length,
        },
      );
      return { changed: decidedKeys.length, outcomes };
    });

export const fraudReviewRouter = {
  list: officialProcedure
    .input(z.object({ electionId: z.uuid(), state: z.enum(["quarantined", "released", "voided"]).optional() }).strict())
    .query(({ ctx, input }) => ctx.services.fraudCases().list(input.electionId, input.state)),
  /**
   * The election's held ballots with their evidence, and the groups they form (same device, same
   * address block, a burst in time), so a bot operation is decided at once.
   */
  groups: officialProcedure.input(z.object({ electionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const cases = await ctx.services.fraudCases().list(input.electionId);
    const open = cases.filter((c) => c.state === "quarantined");
    return { cases, groups: groupHeldBallots(open) };
  }),
  get: officialProcedure.input(caseKey).query(async ({ ctx, input }) => {
    const found = await ctx.services.fraudCases().get(input.electionId, input.voterKey);
    if (!found) throw refuse({ code: "VOTE_NOT_FOUND", message: "There is no such case in this election." });
    return found;
  }),
  release: decide("released"),
  void: decide("voided"),
} satisfies TRPCRouterRecord;
