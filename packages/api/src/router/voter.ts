import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { castVote } from "@landslide/vote-engine";
import { refusal, refuse } from "../errors";
import { checkRateLimits } from "../guards/rate-limit";
import { solutionSchema } from "../human-check/human-check";
import { voterProcedure } from "../trpc";

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
  cast: voterProcedure.input(castInput).mutation(async ({ ctx, input }) => {
    const { services } = ctx;
    const rate = await checkRateLimits(services.rateCounter, services.castRateRules, { ip: ctx.clientIp, account: ctx.identity.sub }, "cast", services.clock.now());
    if (!rate.allowed) {
      throw refusal("TOO_MANY_REQUESTS", "RATE_LIMITED", `Too many attempts from this ${rate.scope === "ip" ? "network" : "account"}; try again in ${rate.retryAfterSeconds} s.`, rate.retryAfterSeconds);
    }
    const check = await services.humanCheck().verify(input.humanCheck);
    if (!check.ok) throw refusal(check.reason === "CHALLENGE_REQUIRED" ? "PRECONDITION_FAILED" : "FORBIDDEN", check.reason, check.message);
    const result = await castVote(
      { elections: services.elections, votes: services.votes, keys: services.keys(), entropy: services.entropy, clock: services.clock, voterRoll: services.voterRoll },
      { electionId: input.electionId, subject: ctx.identity.sub, identity: { email: ctx.identity.username }, idempotencyKey: input.idempotencyKey, ballot: input.ballot },
    );
    if (!result.ok) throw refuse(result.error);
    return result.value;
  }),
} satisfies TRPCRouterRecord;
