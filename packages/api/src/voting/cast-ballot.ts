import { castVote } from "@landslide/vote-engine";
import type { AppServices } from "../app-services";
import { refusal, refuse } from "../errors";
import type { HumanCheckProof } from "../human-check/human-check";
import type { DeviceBinding } from "../device/device-token";
import { proofReplayed } from "../device/verify-proof";
import { assessRisk } from "../risk/assess-risk";
import { isHeadlessUserAgent } from "../risk/client-hints";
import { addressBlock } from "../guards/rate-limit";
import { ballotFingerprints } from "../risk/ballot-concentration";
import { implausibleInteraction, type ReportedInteraction } from "../risk/interaction-plausibility";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";

export interface CastRequest {
  readonly electionId: string;
  readonly idempotencyKey: string;
  readonly ballot: unknown;
  readonly humanCheck?: HumanCheckProof | undefined;
  /** What the client says about itself: `navigator.webdriver` in a browser, and how the ballot was filled in on the voter site. */
  readonly client?:
    { readonly webdriver?: boolean | undefined; readonly interaction?: ReportedInteraction | undefined } | undefined;
  /** The device's passkey signing this cast, when it has one. */
  readonly passkey?: AuthenticationResponseJSON | undefined;
}

export interface Caller {
  readonly subject: string;
  /** Verified, from the ID token; roll-based elections need it. */
  readonly email: string | undefined;
  readonly clientIp: string;
  readonly userAgent: string | undefined;
  /** The device binding the caller proved: its key, and what was known of it at registration. */
  readonly device: DeviceBinding;
  /** The request's device proof, not yet used up: this cast must use it once. */
  readonly proof: { readonly id: string; readonly expiresAt: Date };
}

/**
 * One cast, defences in order of cost: rate limits (one atomic counter each), the human check,
 * the risk score, and only then the engine's single conditional write. Every refusal is counted
 * by reason; a ballot the risk layer doubts is stored as quarantined, with the signals that fired.
 */
export async function castBallot(services: AppServices, caller: Caller, request: CastRequest) {
  const { metrics, clock } = services;
  const refused = (reason: string) => metrics.votes.inc({ outcome: "refused", reason });
  /** The same request sent twice, caught by the challenge's write or by the vote's own. */
  const replayed = () => {
    refused(proofReplayed.reason);
    return refusal("UNAUTHORIZED", proofReplayed.reason, proofReplayed.message);
  };
  const now = clock.now();
  services.castLoad.tick();

  const rate = services.castLimiter.check(
    { ip: caller.clientIp, account: caller.subject, device: caller.device.thumbprint },
    "cast",
    now,
  );
  if (!rate.allowed) {
    refused("RATE_LIMITED");
    const from = { ip: "network", account: "account", device: "device" }[rate.scope];
    throw refusal(
      "TOO_MANY_REQUESTS",
      "RATE_LIMITED",
      `Too many attempts from this ${from}; try again in ${rate.retryAfterSeconds} s.`,
      rate.retryAfterSeconds,
    );
  }

  const check = await services
    .humanCheck()
    .verify(request.humanCheck, { remoteIp: caller.clientIp, subject: caller.subject, proof: caller.proof });
  // The device proof's single use: in the challenge's own write when it has one; otherwise the vote
  // keeps the proof's id and its one conditional write refuses the same request a second time.
  if (!check.ok && check.sameProof) throw replayed();
  if (!check.ok) {
    refused(check.reason);
    const code =
      check.reason === "CHALLENGE_REQUIRED"
        ? "PRECONDITION_FAILED"
        : check.reason === "CHALLENGE_UNAVAILABLE"
          ? "SERVICE_UNAVAILABLE"
          : "FORBIDDEN";
    throw refusal(code, check.reason, check.message);
  }

  const signedWithPasskey = await checkPasskey(services, caller.device, request);
  if (!signedWithPasskey.ok) {
    refused("PASSKEY_INVALID");
    throw refusal("FORBIDDEN", "PASSKEY_INVALID", signedWithPasskey.message);
  }

  // Counted in its block whatever the outcome below; in the baseline others are judged by only if let through.
  const concentration = services.ballotConcentration.observe(
    { election: request.electionId, block: addressBlock(caller.clientIp), voter: caller.subject },
    ballotFingerprints(request.ballot),
    now.getTime(),
  );
  const risk = assessRisk(
    {
      castsFromIpBlockThisMinute: rate.counts.ip ?? 0,
      castsFromDeviceThisMinute: rate.counts.device ?? 0,
      accountsOnDevice: caller.device.accountsOnDevice,
      accountAgeMs: now.getTime() - caller.device.accountFirstSeen.getTime(),
      inBadIpRange: services.isBadAddress(caller.clientIp),
      inHostingNetwork: services.networkReputation.has("hosting", caller.clientIp),
      inAnonymizingNetwork: services.networkReputation.has("anonymizer", caller.clientIp),
      webdriver: request.client?.webdriver === true,
      headlessClient: isHeadlessUserAgent(caller.userAgent),
      challengeElapsedMs: check.elapsedMs,
      ballotConcentrated: concentration.concentrated,
      implausibleInteraction:
        request.client?.interaction !== undefined && implausibleInteraction(request.client.interaction),
    },
    services.riskPolicy,
  );
  if (risk.decision === "accept") concentration.accept();
  if (risk.decision === "refuse") {
    refused("RISK_REFUSED");
    services.logger.warn(
      { score: risk.score, signals: risk.reasons, electionId: request.electionId },
      "cast refused by the risk score",
    );
    // The reason is stable, the message says what a person can do; neither reveals the signals.
    throw refusal(
      "FORBIDDEN",
      "RISK_REFUSED",
      "We could not accept a ballot from this device or network. If you are voting yourself, try again from your own device or contact the election office.",
    );
  }

  const result = await castVote(
    {
      elections: services.elections,
      votes: services.votes,
      keys: services.keys(),
      entropy: services.entropy,
      clock,
      voterRoll: services.voterRoll,
    },
    {
      electionId: request.electionId,
      subject: caller.subject,
      identity: caller.email ? { email: caller.email } : {},
      idempotencyKey: request.idempotencyKey,
      requestId: caller.proof.id,
      ballot: request.ballot,
      passkey: signedWithPasskey.value,
      decision: {
        decision: risk.decision === "quarantine" ? "quarantined" : "accepted",
        reasons: risk.reasons,
        evidence: {
          deviceId: caller.device.thumbprint,
          networkBlock: addressBlock(caller.clientIp),
          score: risk.score,
        },
      },
    },
  );
  if (!result.ok) {
    if (result.error.code === "REQUEST_REPLAYED") throw replayed();
    refused(result.error.code);
    throw refuse(result.error);
  }
  metrics.votes.inc({ outcome: result.value.decision, reason: result.value.replayed ? "REPLAYED" : "" });
  return result.value;
}

/** Whether the cast is signed by the passkey backing the caller's device key; a passkey that does not verify is a refusal, not a cast without one. */
async function checkPasskey(
  services: AppServices,
  device: DeviceBinding,
  request: CastRequest,
): Promise<{ ok: true; value: boolean } | { ok: false; message: string }> {
  if (!request.passkey) return { ok: true, value: false };
  if (!device.passkey)
    return { ok: false, message: "This device has no passkey registered; register one, or cast without it." };
  const verdict = await services.passkeys().verifyCast(request.passkey, device.passkey, request);
  return verdict.ok ? { ok: true, value: true } : verdict;
}
