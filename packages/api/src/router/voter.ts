import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { castVote } from "@landslide/vote-engine";
import { refusal, refuse } from "../errors";
import { checkRateLimits } from "../guards/rate-limit";
import { solutionSchema } from "../human-check/human-check";
import { calculateJwkThumbprint } from "jose";
import { deviceBoundProcedure, deviceRegistrationProcedure, voterProcedure } from "../trpc";

/** How many devices one account may vote from; more is a signal, not a convenience. */
const DEVICES_PER_ACCOUNT = 5;

const publicJwk = z.object({ kty: z.literal("EC"), crv: z.literal("P-256"), x: z.string().min(43).max(43), y: z.string().min(43).max(43) }).strict();

const castInput = z
  .object({
    electionId: z.uuid(),
    idempotencyKey: z.string().min(16).max(128),
    // The engine validates the ballot itself, with a code per violation.
    ballot: z.unknown(),
    humanCheck: solutionSchema.optional(),
  })
  .strict();

export const voterRouter = {
  me: voterProcedure.query(({ ctx }) => ({ sub: ctx.identity.sub, username: ctx.identity.username, groups: ctx.identity.groups })),
  registerDevice: deviceRegistrationProcedure.input(z.object({ jwk: publicJwk }).strict()).mutation(async ({ ctx, input }) => {
    const thumbprint = await calculateJwkThumbprint(input.jwk);
    if (thumbprint !== ctx.deviceThumbprint) throw refusal("UNAUTHORIZED", "PROOF_INVALID", "The proof must be signed by the key being registered.");
    const { devices, clock } = ctx.services;
    if (await devices.isBound(ctx.identity.sub, thumbprint)) return { thumbprint, registered: false };
    if ((await devices.devicesOf(ctx.identity.sub)) >= DEVICES_PER_ACCOUNT) {
      throw refusal("FORBIDDEN", "DEVICE_LIMIT", `An account may vote from at most ${DEVICES_PER_ACCOUNT} devices.`);
    }
    await devices.bind(ctx.identity.sub, thumbprint, clock.now());
    return { thumbprint, registered: true };
  }),
  cast: deviceBoundProcedure.input(castInput).mutation(async ({ ctx, input }) => {
    const { services } = ctx;
    const rate = await checkRateLimits(services.rateCounter, services.castRateRules, { ip: ctx.clientIp, account: ctx.identity.sub }, "cast", services.clock.now());
    if (!rate.allowed) {
      services.metrics.votes.inc({ outcome: "refused", reason: "RATE_LIMITED" });
      throw refusal("TOO_MANY_REQUESTS", "RATE_LIMITED", `Too many attempts from this ${rate.scope === "ip" ? "network" : "account"}; try again in ${rate.retryAfterSeconds} s.`, rate.retryAfterSeconds);
    }
    const check = await services.humanCheck().verify(input.humanCheck);
    if (!check.ok) {
      services.metrics.votes.inc({ outcome: "refused", reason: check.reason });
      throw refusal(check.reason === "CHALLENGE_REQUIRED" ? "PRECONDITION_FAILED" : "FORBIDDEN", check.reason, check.message);
    }
    const result = await castVote(
      { elections: services.elections, votes: services.votes, keys: services.keys(), entropy: services.entropy, clock: services.clock, voterRoll: services.voterRoll },
      { electionId: input.electionId, subject: ctx.identity.sub, identity: { email: ctx.identity.username }, idempotencyKey: input.idempotencyKey, ballot: input.ballot },
    );
    if (!result.ok) {
      services.metrics.votes.inc({ outcome: "refused", reason: result.error.code });
      throw refuse(result.error);
    }
    services.metrics.votes.inc({ outcome: result.value.decision, reason: result.value.replayed ? "REPLAYED" : "" });
    return result.value;
  }),
} satisfies TRPCRouterRecord;
