/**
 * tRPC for Landslide: the context, the initialisation (with the error shape every client relies
 * on) and the procedure tiers.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import type { AppServices } from "./app-services";
import type { VerifiedIdentity } from "./auth/verify-access-token";
import { TokenRejectedError } from "./auth/verify-access-token";
import { verifyProof } from "./device/verify-proof";
import { Refusal, refusal } from "./errors";
import { retrySafe, storeOutage, storeUnavailable } from "./store-unavailable";

// ---- context ---------------------------------------------------------------------------------

export interface Context {
  readonly services: AppServices;
  readonly requestId: string;
  /** The raw bearer token, verified only by the procedures that need an identity. */
  readonly accessToken: string | undefined;
  /** The peer address, or behind trusted proxies the address they forwarded (http/client-address.ts). */
  readonly clientIp: string;
  /** The DPoP-style device proof sent with a mutation. */
  readonly deviceProof: string | undefined;
  readonly userAgent: string | undefined;
  /** The signed device binding the API gave this device when it registered. */
  readonly deviceToken: string | undefined;
  /** The ID token of the same sign-in, when the client sends it: the verified e-mail address. */
  readonly idToken: string | undefined;
}

export function createContext(
  services: AppServices,
  request: {
    authorization?: string | undefined;
    dpop?: string | string[] | undefined;
    idToken?: string | string[] | undefined;
    deviceToken?: string | string[] | undefined;
    userAgent?: string | undefined;
    requestId: string;
    clientIp: string;
  },
): Context {
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(request.authorization ?? "");
  const deviceProof = typeof request.dpop === "string" ? request.dpop : undefined;
  const idToken = typeof request.idToken === "string" ? request.idToken : undefined;
  const deviceToken = typeof request.deviceToken === "string" ? request.deviceToken : undefined;
  return {
    services,
    requestId: request.requestId,
    accessToken: match?.[1],
    clientIp: request.clientIp,
    deviceProof,
    userAgent: request.userAgent,
    idToken,
    deviceToken,
  };
}

// ---- initialisation --------------------------------------------------------------------------

const t = initTRPC.context<Context>().create({
  // Never send a stack trace; always send a reason a program can switch on.
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const reason =
      cause instanceof Refusal
        ? cause.reason
        : cause instanceof ZodError
          ? "INVALID_INPUT"
          : error.code === "INTERNAL_SERVER_ERROR"
            ? "INTERNAL"
            : error.code;
    return {
      ...shape,
      message:
        error.code === "INTERNAL_SERVER_ERROR" ? "Something went wrong on our side; please try again." : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        reason,
        ...(cause instanceof Refusal && cause.details ? { details: cause.details } : {}),
        ...(cause instanceof ZodError
          ? { issues: cause.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }
          : {}),
      },
    };
  },
});

export const createTRPCRouter = t.router;

// ---- procedures ------------------------------------------------------------------------------

/**
 * A store that cannot be reached answers 503 STORE_UNAVAILABLE with a Retry-After instead of a
 * 500, wherever sending the call again is safe (store-unavailable.ts): a read, a write that never
 * reached the store, or any call of an `idempotent` procedure (the cast). Every procedure has it;
 * the cast's tier adds its own, inside, for the outages only an idempotent write may retry.
 */
const storeOutages = (idempotent: boolean) =>
  t.middleware(async ({ ctx, path, type, next }) => {
    const result = await next();
    if (result.ok || result.error.code !== "INTERNAL_SERVER_ERROR") return result;
    const outage = storeOutage(result.error.cause);
    if (!outage || !retrySafe(outage, { type, idempotent })) return result;
    ctx.services.logger.warn({ path, seen: outage.seen, written: outage.written }, "store unavailable");
    throw storeUnavailable();
  });

export const publicProcedure = t.procedure.use(storeOutages(false));

/**
 * Any signed-in account: the Cognito access token is verified against the pool's JWKS, and the
 * ID token sent beside it (if any) gives the verified e-mail address.
 */
export const signedInProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const identity = await verifiedIdentity(ctx);
  const email = await ctx.services.verifiedEmail(ctx.idToken, identity.sub);
  return next({ ctx: { ...ctx, identity: { ...identity, email } } });
});

/** The caller's identity from its access token, or the refusal that says why the token is not good. */
export async function verifiedIdentity(ctx: Context): Promise<VerifiedIdentity> {
  try {
    return await ctx.services.verifyAccessToken(ctx.accessToken);
  } catch (error) {
    if (error instanceof TokenRejectedError) throw refusal("UNAUTHORIZED", error.reason, error.message);
    throw error;
  }
}

/** Voters: every signed-in account may vote (eligibility is the election's own rule). */
export const voterProcedure = signedInProcedure;

/** Proves the request comes from a device key, and was made for this very request. */
async function proveDevice(
  ctx: Context & { identity: VerifiedIdentity },
  path: string,
  input: unknown,
  consume: boolean,
) {
  const proof = await verifyProof(ctx.deviceProof, {
    method: "POST",
    url: `${ctx.services.publicUrl}/trpc/${path}`,
    accessToken: ctx.accessToken ?? "",
    input,
    now: ctx.services.clock.now(),
    nonces: ctx.services.nonces,
    consume,
  });
  if (!proof.ok)
    throw refusal(
      proof.reason === "INPUT_TOO_DEEP" || proof.reason === "INPUT_TOO_LARGE" ? "BAD_REQUEST" : "UNAUTHORIZED",
      proof.reason,
      proof.message,
    );
  return proof;
}

/**
 * A voter casting from a registered device. The device binding comes from the signed token the
 * device got when it registered; the proof's single use is left to the cast, which needs no write
 * of its own for it: the vote keeps the proof's id, so its one conditional write refuses the same
 * request twice (or the challenge's single-use write does, for a challenge not issued to the
 * account). A procedure on this tier must use up `ctx.proof` itself; castBallot does. A cast is
 * idempotent (the same idempotency key and ballot get the stored receipt back, castVote), so any
 * store outage on this tier is answered as one to retry, even one after which the write may have landed.
 */
export const castProcedure = voterProcedure.use(storeOutages(true)).use(async ({ ctx, path, getRawInput, next }) => {
  const proof = await proveDevice(ctx, path, await getRawInput(), false);
  const binding = await ctx.services
    .deviceTokens()
    .verify(ctx.deviceToken, { sub: ctx.identity.sub, thumbprint: proof.thumbprint, now: ctx.services.clock.now() });
  if (!binding) throw refusal("FORBIDDEN", "DEVICE_NOT_REGISTERED", "Register this device before voting from it.");
  return next({ ctx: { ...ctx, deviceBinding: binding, proof: { id: proof.proofId, expiresAt: proof.expiresAt } } });
});

/** Registering a device also needs a proof, made with the very key being registered. */
export const deviceRegistrationProcedure = voterProcedure.use(async ({ ctx, path, getRawInput, next }) => {
  const proof = await proveDevice(ctx, path, await getRawInput(), true);
  return next({ ctx: { ...ctx, deviceThumbprint: proof.thumbprint } });
});

const inGroup = (group: "officials" | "operators") =>
  signedInProcedure.use(({ ctx, next }) => {
    if (!ctx.identity.groups.includes(group)) {
      throw refusal("FORBIDDEN", "ROLE_REQUIRED", `This needs the ${group} role.`);
    }
    return next();
  });

export const officialProcedure = inGroup("officials");
export const operatorProcedure = inGroup("operators");

export { TRPCError };
