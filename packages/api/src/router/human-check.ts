import type { TRPCRouterRecord } from "@trpc/server";
import { publicProcedure, verifiedIdentity } from "../trpc";

export const humanCheckRouter = {
  /**
   * A fresh challenge (harder from doubtful addresses); the client solves it invisibly and sends
   * the solution with its cast. Asked signed in, it is issued to that account and serves no other,
   * which lets the cast skip a single-use write of its own (see proof-of-work.ts).
   */
  challenge: publicProcedure.query(async ({ ctx }) => {
    const subject = ctx.accessToken === undefined ? undefined : (await verifiedIdentity(ctx)).sub;
    return ctx.services.humanCheck().issue({ remoteIp: ctx.clientIp, ...(subject === undefined ? {} : { subject }) });
  }),
} satisfies TRPCRouterRecord;
