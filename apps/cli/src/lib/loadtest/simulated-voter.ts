import {
  type CastOptions,
  createLandslideClient,
  type HumanCheckProof,
  type LandslideClient,
  memoryDeviceKeyStore,
  newIdempotencyKey,
  type SessionStore,
} from "@landslide/api/client";
import type { TestVoter, TestVoterPool } from "./test-voters";
import { solveInNode } from "@landslide/api/node-solver";

/** A deployment's services, as the SDK takes them. */
export type ServiceUrls = Parameters<typeof createLandslideClient>[0]["urls"];

/**
 * How a simulated voter looks to the vote API. People: each from its own household's IPv6 /64
 * (in 2001:db8::/32, the documentation range) with an honest user agent. Bots: all from one
 * IPv4 /24 (203.0.113.0/24, TEST-NET-3), like a rented server, with no browser's user agent.
 * The address travels in X-Forwarded-For, as the load balancer would put it. The services believe
 * it only from a trusted proxy: the operator opts in by starting the stack with
 * LANDSLIDE_TRUSTED_PROXIES=127.0.0.1 (this machine plays the proxy); nothing trusts it by default.
 */
export function voterDisguise(index: number, bot: boolean): { address: string; userAgent: string | undefined } {
  if (bot) return { address: `203.0.113.${index % 256}`, userAgent: undefined };
  return {
    address: `2001:db8:${(index >>> 16).toString(16)}:${(index & 0xffff).toString(16)}::1`,
    userAgent: "landslide-loadtest/1.0 (simulated voter)",
  };
}

/** A voter signed in, its device registered, and one solved human check for each ballot it will cast. */
export interface ReadyVoter {
  readonly voter: TestVoter;
  readonly bot: boolean;
  readonly sdk: LandslideClient;
  readonly humanChecks: HumanCheckProof[];
}

/** The voter's own SDK client: its disguise (address, user agent), its one device key, and its session if it has one already. */
export async function voterClient(
  urls: ServiceUrls,
  pool: TestVoterPool,
  voter: TestVoter,
  bot: boolean,
  session?: SessionStore,
): Promise<LandslideClient> {
  const { address, userAgent } = voterDisguise(voter.index, bot);
  return createLandslideClient({
    urls,
    cognito: pool.cognito,
    ...(session ? { session } : {}),
    ...(userAgent ? { userAgent } : {}),
    deviceKeys: memoryDeviceKeyStore(await voter.deviceKey()),
    // A cast sent again after anything but a shed needs a fresh human check: solved here, fast.
    solveProofOfWork: solveInNode,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("x-forwarded-for", address);
      return fetch(input, { ...init, headers });
    },
  });
}

/**
 * Everything a signed-in voter does before pressing "cast", done before the clock starts:
 * register the device key, and solve a real human check per ballot (each is single use). The
 * checks are fetched now, well before the casts, as a person reading a ballot would.
 */
export async function prepareVoter(
  sdk: LandslideClient,
  voter: TestVoter,
  bot: boolean,
  casts: number,
): Promise<ReadyVoter> {
  await sdk.ensureDevice();
  const humanChecks: HumanCheckProof[] = [];
  for (let i = 0; i < casts; i++) {
    const solution = await solveInNode(await sdk.vote.humanCheck.challenge.query());
    if (!solution)
      throw new Error(
        "This deployment uses a hosted human check, which a load test cannot pass: run it against a deployment with the proof-of-work check.",
      );
    humanChecks.push(solution);
  }
  return { voter, bot, sdk, humanChecks };
}

/**
 * One cast with a prepared human check and a fresh idempotency key, through the SDK as the voter
 * site casts: an attempt that is shed or unanswered is sent again with the same key after the
 * SDK's back-off, and `onFailedAttempt` hears of each such attempt. A voter prepared without
 * checks (`casts: 0`) has the SDK fetch and solve one inside the cast, as the voter site does.
 */
export function castOnce(
  ready: ReadyVoter,
  electionId: string,
  ballot: unknown,
  onFailedAttempt: NonNullable<CastOptions["onFailedAttempt"]>,
) {
  const humanCheck = ready.humanChecks.shift();
  return ready.sdk.castBallot({
    electionId,
    idempotencyKey: newIdempotencyKey(),
    ballot,
    onFailedAttempt,
    ...(humanCheck ? { humanCheck } : {}),
  });
}
