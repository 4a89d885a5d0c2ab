import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc";

export const humanCheckRouter = {
  /** A fresh proof-of-work challenge; the client solves it invisibly and sends the solution with its cast. */
  challenge: publicProcedure.query(({ ctx }) => ctx.services.humanCheck().issue()),
} satisfies TRPCRouterRecord;
