import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { mailLanguages } from "@landslide/vote-engine";
import { refusal } from "../errors";
import { maskedAddress } from "../mail/masked-address";
import { publicProcedure, voterProcedure } from "../trpc";

/** Mail a voter asks for or turns off: served by the control API, which owns the mail queue. */
export const mailRouter = {
  /**
   * Sends the signed-in voter their receipt for an election (the receipt only: never the
   * ballot's content, nor the salt that would open its commitment). Once per vote; asked again,
   * it answers the same unless the first try failed, which it sends again.
   */
  emailReceipt: voterProcedure
    .input(z.object({ electionId: z.uuid(), language: z.enum(mailLanguages).default("en") }).strict())
    .mutation(async ({ ctx, input }) => {
      const email = ctx.identity.email;
      if (!email)
        throw refusal("PRECONDITION_FAILED", "NO_EMAIL_ADDRESS", "This account has no verified e-mail address.");
      const voterKey = ctx.services.keys().voterKey(ctx.identity.sub);
      const vote = await ctx.services.votes.get(input.electionId, voterKey);
      if (!vote) throw refusal("NOT_FOUND", "NO_VOTE", "There is no vote of yours in this election.");
      const queue = ctx.services.mail.queue();
      if (await queue.isSuppressed(email))
        throw refusal(
          "PRECONDITION_FAILED",
          "MAIL_SUPPRESSED",
          "This address asked for no more e-mail from Landslide.",
        );
      const dedupeKey = `receipt:${vote.receipt.receiptId}`;
      await queue.enqueue([
        {
          electionId: input.electionId,
          kind: "receipt",
          recipient: email,
          language: input.language,
          dedupeKey,
          payload: {
            receiptId: vote.receipt.receiptId,
            castAt: vote.receipt.castAt,
            document: JSON.stringify({ receipt: vote.receipt }, null, 2),
          },
        },
      ]);
      const queued = await queue.byDedupeKey(input.electionId, dedupeKey);
      if (queued && ["failed", "bounced", "suppressed"].includes(queued.status)) await queue.requeue(queued.id);
      return { to: maskedAddress(email) };
    }),

  /** The link in every message: this address gets no more mail from Landslide. */
  unsubscribe: publicProcedure
    .input(z.object({ token: z.string().min(1).max(1000) }).strict())
    .mutation(async ({ ctx, input }) => {
      const email = ctx.services.mail.tokens().verify(input.token);
      if (!email)
        throw refusal(
          "BAD_REQUEST",
          "UNSUBSCRIBE_LINK_INVALID",
          "This unsubscribe link is not one Landslide sent, or it was cut short.",
        );
      await ctx.services.mail.queue().suppress(email, "unsubscribed");
      return { to: maskedAddress(email) };
    }),
} satisfies TRPCRouterRecord;
