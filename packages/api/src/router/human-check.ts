import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure } from "../trpc";

export const humanCheckRouter = {
  /** A fresh challenge (harder from doubtful addresses); the client solves it invisibly and sends the solution with its cast. */
  challenge: publicProcedure.query(({ ctx }) => ctx.services.humanCheck().issue({ remoteIp: ctx.clientIp })),
} satisfies TRPCRouterRecord;
