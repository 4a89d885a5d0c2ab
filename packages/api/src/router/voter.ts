import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { refusal } from "../errors";
import { humanCheckProofSchema } from "../human-check/human-check";
import { castBallot } from "../voting/cast-ballot";
import { calculateJwkThumbprint } from "jose";
import { castProcedure, deviceRegistrationProcedure, voterProcedure } from "../trpc";

/** How many devices one account may vote from; more is a signal, not a convenience. */
const DEVICES_PER_ACCOUNT = 5;

const publicJwk = z.object({ kty: z.literal("EC"), crv: z.literal("P-256"), x: z.string().min(43).max(43), y: z.string().min(43).max(43) }).strict();

const castInput = z
  .object({
    electionId: z.uuid(),
    idempotencyKey: z.string().min(16).max(128),
    // The engine validates the ballot itself, with a code per violation.
    ballot: z.unknown(),
    humanCheck: humanCheckProofSchema.optional(),
    /** What the browser says about itself; automation that announces itself is a risk signal. */
    client: z.object({ webdriver: z.boolean().optional() }).strict().optional(),
  })
  .strict();

export const voterRouter = {
  me: voterProcedure.query(({ ctx }) => ({ sub: ctx.identity.sub, username: ctx.identity.username, email: ctx.identity.email ?? null, groups: ctx.identity.groups })),
  /**
   * The voter's own receipt in an election, and where the vote stands ("quarantined" means under
   * review; the detection signals are never shown to the voter). Null before voting.
   */
  myReceipt: voterProcedure.input(z.object({ electionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const vote = await ctx.services.votes.get(input.electionId, ctx.services.keys().voterKey(ctx.identity.sub));
    return vote ? { receipt: vote.receipt, salt: vote.salt, state: vote.state } : null;
  }),
  registerDevice: deviceRegistrationProcedure.input(z.object({ jwk: publicJwk }).strict()).mutation(async ({ ctx, input }) => {
    const thumbprint = await calculateJwkThumbprint(input.jwk);
    if (thumbprint !== ctx.deviceThumbprint) throw refusal("UNAUTHORIZED", "PROOF_INVALID", "The proof must be signed by the key being registered.");
    const { devices, clock, deviceTokens } = ctx.services;
    const now = clock.now();
    let bindings = await devices.bindingsOf(ctx.identity.sub);
    const registered = !bindings.some((binding) => binding.thumbprint === thumbprint);
    if (registered) {
      if (bindings.length >= DEVICES_PER_ACCOUNT) throw refusal("FORBIDDEN", "DEVICE_LIMIT", `An account may vote from at most ${DEVICES_PER_ACCOUNT} devices.`);
      await devices.bind(ctx.identity.sub, thumbprint, now);
      bindings = [...bindings, { thumbprint, boundAt: now }];
    }
    const accountFirstSeen = new Date(Math.min(...bindings.map((binding) => binding.boundAt.getTime())));
    const { token, expiresAt } = await deviceTokens().issue({ sub: ctx.identity.sub, thumbprint, accountsOnDevice: await devices.accountsOn(thumbprint), accountFirstSeen }, now);
    return { thumbprint, registered, deviceToken: token, expiresAt: expiresAt.toISOString() };
  }),
  cast: castProcedure.input(castInput).mutation(({ ctx, input }) =>
    castBallot(
      ctx.services,
      {
        subject: ctx.identity.sub,
        email: ctx.identity.email,
        clientIp: ctx.clientIp,
        userAgent: ctx.userAgent,
        device: ctx.deviceBinding,
        proof: ctx.proof,
      },
      input,
    ),
  ),
} satisfies TRPCRouterRecord;
