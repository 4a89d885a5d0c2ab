import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { officialProcedure } from "../trpc";
import { isoDate } from "./election-input";

export const auditRouter = {
  /** Officials' actions and lifecycle changes, newest first, filtered. */
  list: officialProcedure
    .input(
      z
        .object({
          electionId: z.uuid().optional(),
          action: z.string().max(64).optional(),
          actor: z.string().max(320).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
          limit: z.number().int().min(1).max(1000).default(200),
        })
        .strict()
        .default({ limit: 200 }),
    )
    .query(({ ctx, input }) => ctx.services.auditTrail().list(input)),
} satisfies TRPCRouterRecord;
