import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { type Election, effectiveStatus } from "@landslide/vote-engine";
import type { AppServices } from "../app-services";
import { refusal } from "../errors";
import { publicProcedure } from "../trpc";
import { electionOrRefuse } from "./election-or-refuse";

/** The bundle is published once voting has ended. */
export async function closedElectionOrRefuse(services: AppServices, electionId: string): Promise<Election> {
  const election = await electionOrRefuse(services.elections, electionId);
  const status = effectiveStatus(election, services.clock.now());
  if (status !== "closed" && status !== "certified") {
    throw refusal(
      "PRECONDITION_FAILED",
      "RESULTS_NOT_FINAL",
      "The audit bundle is published when the election closes; until then, each receipt can be checked on its own.",
    );
  }
  return election;
}

/** What anyone may read of the audit log: the keys, the signed epoch roots, a receipt's proof, the bundle. */
export const publicAuditRouter = {
  keys: publicProcedure.query(({ ctx }) => {
    const keys = ctx.services.keys();
    return { audit: keys.auditPublicKey, receipt: keys.receiptPublicKey };
  }),
  epochs: publicProcedure.input(z.object({ electionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const election = await electionOrRefuse(ctx.services.elections, input.electionId);
    return ctx.services.auditLog().epochs(election.id);
  }),
  /** Where a receipt's ballot stands, with its inclusion proof once its epoch is sealed. */
  receipt: publicProcedure
    .input(
      z.object({ receiptId: z.string().regex(/^[0-9a-f]{32}$/, "a receipt id is 32 hexadecimal characters") }).strict(),
    )
    .query(({ ctx, input }) => ctx.services.receiptStanding(input.receiptId)),
  bundle: publicProcedure.input(z.object({ electionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    return ctx.services.auditBundle(await closedElectionOrRefuse(ctx.services, input.electionId));
  }),
} satisfies TRPCRouterRecord;
