import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { ballotOrderFor } from "@landslide/vote-engine";
import { refusal } from "../errors";
import { electionOrRefuse } from "./election-or-refuse";
import { humanCheckProofSchema } from "../human-check/human-check";
import { interactionSummarySchema } from "../risk/interaction-plausibility";
import { castBallot } from "../voting/cast-ballot";
import { calculateJwkThumbprint } from "jose";
import { castProcedure, deviceRegistrationProcedure, voterProcedure } from "../trpc";
import type { AppServices } from "../app-services";
import type { PasskeyCredential } from "../device/passkeys";
import {
  authenticationResponseSchema,
  registrationResponseSchema,
  storedPasskeySchema,
} from "../device/passkey-schemas";

/** How many devices one account may vote from; more is a signal, not a convenience. */
const DEVICES_PER_ACCOUNT = 5;

const publicJwk = z
  .object({
    kty: z.literal("EC"),
    crv: z.literal("P-256"),
    x: z.string().min(43).max(43),
    y: z.string().min(43).max(43),
  })
  .strict();

const castInput = z
  .object({
    electionId: z.uuid(),
    idempotencyKey: z.string().min(16).max(128),
    // The engine validates the ballot itself, with a code per violation.
    ballot: z.unknown(),
    humanCheck: humanCheckProofSchema.optional(),
    /**
     * What the browser says about itself: automation that announces itself, and how the ballot
     * was filled in (the voter site's summary); both are risk signals, neither a defence.
     */
    client: z
      .object({ webdriver: z.boolean().optional(), interaction: interactionSummarySchema.optional() })
      .strict()
      .optional(),
    /** The device's passkey signing this very cast (castChallengeText), when the device has one. */
    passkey: authenticationResponseSchema.optional(),
  })
  .strict();

/** A device token for one of the caller's device keys, with what is known of it now: the account is first seen at its oldest binding. */
async function issueDeviceToken(
  ctx: { readonly identity: { readonly sub: string }; readonly services: AppServices },
  device: {
    readonly thumbprint: string;
    readonly bindings: ReadonlyArray<{ readonly boundAt: Date }>;
    readonly passkey: PasskeyCredential | undefined;
  },
) {
  const { devices, clock, deviceTokens } = ctx.services;
  const accountFirstSeen = new Date(Math.min(...device.bindings.map((binding) => binding.boundAt.getTime())));
  const accountsOnDevice = await devices.accountsOn(device.thumbprint);
  const passkey = device.passkey && {
    id: device.passkey.id,
    publicKey: device.passkey.publicKey,
    counter: device.passkey.counter,
  };
  const { token, expiresAt } = await deviceTokens().issue(
    { sub: ctx.identity.sub, thumbprint: device.thumbprint, accountsOnDevice, accountFirstSeen, passkey },
    clock.now(),
  );
  return { deviceToken: token, expiresAt: expiresAt.toISOString() };
}

export const voterRouter = {
  me: voterProcedure.query(({ ctx }) => ({
    sub: ctx.identity.sub,
    username: ctx.identity.username,
    email: ctx.identity.email ?? null,
    groups: ctx.identity.groups,
  })),
  /**
   * The voter's own receipt in an election, and where the vote stands ("quarantined" means under
   * review; the detection signals are never shown to the voter). Null before voting.
   */
  myReceipt: voterProcedure.input(z.object({ electionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const vote = await ctx.services.votes.get(input.electionId, ctx.services.keys().voterKey(ctx.identity.sub));
    return vote ? { receipt: vote.receipt, salt: vote.salt, state: vote.state } : null;
  }),
  /**
   * The order this voter's ballot lists each question's options in, when the election draws one per
   * voter (rotated or shuffled); null when it lists them as defined. The vote API draws the same
   * order again at the cast and signs it into the receipt: what the page shows is what is recorded.
   */
  ballotOrder: voterProcedure.input(z.object({ electionId: z.uuid() }).strict()).query(async ({ ctx, input }) => {
    const election = await electionOrRefuse(ctx.services.elections, input.electionId);
    const voterKey = ctx.services.keys().voterKey(ctx.identity.sub);
    return ballotOrderFor(election, voterKey, ctx.services.entropy.sha256) ?? null;
  }),
  registerDevice: deviceRegistrationProcedure
    .input(z.object({ jwk: publicJwk }).strict())
    .mutation(async ({ ctx, input }) => {
      const thumbprint = await calculateJwkThumbprint(input.jwk);
      if (thumbprint !== ctx.deviceThumbprint)
        throw refusal("UNAUTHORIZED", "PROOF_INVALID", "The proof must be signed by the key being registered.");
      const { devices, clock } = ctx.services;
      const now = clock.now();
      let bindings = await devices.bindingsOf(ctx.identity.sub);
      const registered = !bindings.some((binding) => binding.thumbprint === thumbprint);
      if (registered) {
        if (bindings.length >= DEVICES_PER_ACCOUNT)
          throw refusal(
            "FORBIDDEN",
            "DEVICE_LIMIT",
            `An account may vote from at most ${DEVICES_PER_ACCOUNT} devices.`,
          );
        await devices.bind(ctx.identity.sub, thumbprint, now);
        bindings = [...bindings, { thumbprint, boundAt: now }];
      }
      const stored = registered ? undefined : await devices.passkeyOf(ctx.identity.sub, thumbprint);
      const passkey = stored === undefined ? undefined : storedPasskeySchema.parse(stored);
      const token = await issueDeviceToken(ctx, { thumbprint, bindings, passkey });
      return { thumbprint, registered, passkeyId: passkey?.id ?? null, ...token };
    }),
  /** Step one of backing this device key with a passkey: the options for navigator.credentials.create. */
  passkeyOptions: deviceRegistrationProcedure.mutation(({ ctx }) =>
    ctx.services.passkeys().registrationOptions(
      {
        sub: ctx.identity.sub,
        username: ctx.identity.email ?? ctx.identity.username,
        thumbprint: ctx.deviceThumbprint,
      },
      ctx.services.clock.now(),
    ),
  ),
  /** Step two: the authenticator's answer, verified; the device token given back carries the passkey. */
  registerPasskey: deviceRegistrationProcedure
    .input(z.object({ response: registrationResponseSchema }).strict())
    .mutation(async ({ ctx, input }) => {
      const { devices, clock, passkeys } = ctx.services;
      const now = clock.now();
      const bindings = await devices.bindingsOf(ctx.identity.sub);
      if (!bindings.some((binding) => binding.thumbprint === ctx.deviceThumbprint))
        throw refusal("FORBIDDEN", "DEVICE_NOT_REGISTERED", "Register this device before adding a passkey to it.");
      const verdict = await passkeys().verifyRegistration(
        input.response,
        { sub: ctx.identity.sub, thumbprint: ctx.deviceThumbprint },
        now,
      );
      if (!verdict.ok) throw refusal("FORBIDDEN", "PASSKEY_INVALID", verdict.message);
      await devices.savePasskey(ctx.identity.sub, ctx.deviceThumbprint, { ...verdict.value }, now);
      const token = await issueDeviceToken(ctx, { thumbprint: ctx.deviceThumbprint, bindings, passkey: verdict.value });
      return { credentialId: verdict.value.id, attestation: verdict.value.attestation.format, ...token };
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
