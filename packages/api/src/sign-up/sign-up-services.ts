import { hkdfSync } from "node:crypto";
import { systemClock } from "@landslide/vote-engine";
import { DynamoDbRateCounter } from "@landslide/vote-engine/dynamodb";
import type { KeyMaterial } from "@landslide/vote-engine/node-crypto";
import type { HumanCheck } from "../human-check/human-check";
import { ProofOfWorkCheck } from "../human-check/proof-of-work";
import { RateLimiter } from "../guards/rate-limit";
import type { Logger } from "../logger";
import type { Dependencies } from "../services/dependencies";
import { domainAndParents } from "./email-domain";

const TEN_MINUTES = 600;
const ONE_DAY = 86_400;

/**
 * What the vote API needs to hand out sign-up tickets: their key, a human check of their own and
 * the sign-up rate limits. Built lazily: only the vote API issues tickets.
 */
export function createSignUpServices(
  deps: Dependencies,
  shared: {
    readonly nonces: ConstructorParameters<typeof ProofOfWorkCheck>[0]["nonces"];
    /** The cast's human check (a hosted one serves sign-up too). */
    readonly humanCheck: () => HumanCheck;
    /** The deployment's keys file, read once by the app's services. */
    readonly keyMaterial: () => KeyMaterial;
    /** The cast's proof-of-work difficulty for an address (harder from doubted ranges). */
    readonly difficulty: (remoteIp: string) => number;
    readonly logger: Logger;
  },
) {
  const { config } = deps;
  const { keyMaterial } = shared;
  let humanCheck: HumanCheck | undefined;
  let ticketKey: Uint8Array | undefined;
  const counter = new DynamoDbRateCounter(deps.dynamodb, deps.tables.nonces);
  const onReportError = (error: unknown) =>
    shared.logger.warn({ err: error }, "reporting sign-up rate-limit counts failed; they go with the next report");
  const allowedDomains = new Set(config.signUpAllowedDomains);
  return {
    /** Production gives the key in its own secret (LANDSLIDE_SIGN_UP_TICKET_KEY), which the pre-sign-up Lambda reads too; else the keys file's. */
    ticketKey: () =>
      (ticketKey ??= config.signUpTicketKey
        ? new Uint8Array(Buffer.from(config.signUpTicketKey, "base64url"))
        : keyMaterial().signUpTicketKey),
    /**
     * Proof of work under a key of its own (derived with its own label), so a challenge issued for
     * casting is refused here and one issued here is refused by a cast. A hosted check keeps the
     * provider's single-use token, which serves one purpose once.
     */
    humanCheck: (): HumanCheck =>
      (humanCheck ??=
        config.humanCheck.kind === "siteverify"
          ? shared.humanCheck()
          : new ProofOfWorkCheck({
              secret: new Uint8Array(
                hkdfSync(
                  "sha256",
                  keyMaterial().voterKeySecret,
                  new Uint8Array(0),
                  "landslide-sign-up-challenge-v1",
                  32,
                ),
              ),
              nonces: shared.nonces,
              clock: systemClock,
              difficulty: shared.difficulty,
            })),
    /** Both counted across every task through the shared table: sign-ups are few, exactness matters more than a write. */
    limiter: new RateLimiter(
      counter,
      [
        { scope: "ip", limit: config.signUpLimits.perNetworkPer10Minutes, windowSeconds: TEN_MINUTES, shared: true },
        { scope: "device", limit: config.signUpLimits.perDevicePerDay, windowSeconds: ONE_DAY, shared: true },
      ],
      { reportEveryMs: 1000, onReportError },
    ),
    /**
     * Sign-ups per e-mail domain, apart from the limiter above because it is asked later: only once
     * the human check has passed, so nobody can spend a small organisation's allowance without
     * solving one check per sign-up (see issue-ticket.ts).
     */
    domainLimiter: new RateLimiter(
      counter,
      [{ scope: "domain", limit: config.signUpLimits.perDomainPer10Minutes, windowSeconds: TEN_MINUTES, shared: true }],
      {
        reportEveryMs: 1000,
        onReportError,
      },
    ),
    /** The operator's LANDSLIDE_SIGN_UP_ALLOWED_DOMAINS: this domain or one above it is listed there. */
    isAllowedDomain: (domain: string): boolean => domainAndParents(domain).some((name) => allowedDomains.has(name)),
  };
}

export type SignUpServices = ReturnType<typeof createSignUpServices>;
