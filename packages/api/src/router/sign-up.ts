import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { humanCheckProofSchema } from "../human-check/human-check";
import { issueSignUpTicket } from "../sign-up/issue-ticket";
import { publicProcedure } from "../trpc";

/** The input as sent, which the optional device proof signs (the parsed input may differ in key order). */
const withRawInput = publicProcedure.use(async ({ getRawInput, next }) =>
  next({ ctx: { rawInput: await getRawInput() } }),
);

/** Self sign-up goes through here first: Cognito accepts a sign-up only with the ticket this gives. */
export const signUpRouter = {
  /** A human check for signing up (not valid for casting, and the reverse). */
  challenge: publicProcedure.query(({ ctx }) => ctx.services.signUp.humanCheck().issue({ remoteIp: ctx.clientIp })),
  ticket: withRawInput
    .input(z.object({ email: z.email().max(254), humanCheck: humanCheckProofSchema.optional() }).strict())
    .mutation(({ ctx, input, path }) =>
      issueSignUpTicket(
        ctx.services,
        {
          clientIp: ctx.clientIp,
          deviceProof: ctx.deviceProof,
          url: `${ctx.services.publicUrl}/trpc/${path}`,
          input: ctx.rawInput,
        },
        { email: input.email, humanCheck: input.humanCheck },
      ),
    ),
} satisfies TRPCRouterRecord;
