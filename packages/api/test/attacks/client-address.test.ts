import { randomInt } from "node:crypto";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { createDynamoDbClient, DynamoDbVoteStore } from "@landslide/vote-engine/dynamodb";
import { nodeKeys, readKeyFile } from "@landslide/vote-engine/node-crypto";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { refusalOf } from "../../src/client/index";
import { type Deployment, startDeployment } from "../../src/testing/index";
import { fetchFrom, signedInVoter } from "./support";

/**
 * Attack: switch off the per-network rate limit and forge the network evidence by sending
 * X-Forwarded-For. Every loopback address reaches this machine, so 127.0.0.2 plays the trusted
 * proxy and 127.0.1.1 / 127.0.2.1 play attackers on networks (/24 blocks) of their own.
 */
const PROXY = "127.0.0.2";
const LIMIT = 5;

let stack: TestStack;
let deployment: Deployment;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  deployment = await startDeployment(stack, {
    LANDSLIDE_TRUSTED_PROXIES: PROXY,
    // What the launcher set on loopback until now. The services no longer read it; it stays so
    // that this file fails against the code that trusted one hop from anyone.
    LANDSLIDE_TRUSTED_PROXY_HOPS: "1",
    LANDSLIDE_CAST_LIMIT_PER_IP_BLOCK: String(LIMIT),
    LANDSLIDE_CAST_LIMIT_PER_ACCOUNT: "1000",
    LANDSLIDE_CAST_LIMIT_PER_DEVICE: "1000",
    // Every ballot is held for review (a new account is enough), so its evidence is kept.
    LANDSLIDE_RISK_QUARANTINE_SCORE: "1",
    LANDSLIDE_RISK_REFUSE_SCORE: "1000",
  });
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

const randomAddress = () => `${randomInt(1, 224)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** Casts without a human check until the rate limit answers: each attempt counts before the check. */
async function attemptsUntilRateLimited(
  voter: Awaited<ReturnType<typeof signedInVoter>>,
  max: number,
): Promise<number> {
  for (let attempt = 1; attempt <= max; attempt++) {
    const reason = await voter.vote.voter.cast
      .mutate({ electionId: DEMO_ELECTION_ID, idempotencyKey: `attempt-${attempt}-${Date.now()}`, ballot: {} })
      .then(
        () => "accepted",
        (error: unknown) => refusalOf(error)?.reason ?? String(error),
      );
    if (reason === "RATE_LIMITED") return attempt;
    expect(reason).toBe("CHALLENGE_REQUIRED");
  }
  return Infinity;
}

describe("the per-network rate limit", () => {
  it("meets RATE_LIMITED at the same count whether or not the caller forges X-Forwarded-For", async () => {
    const forger = await signedInVoter(
      stack,
      deployment,
      "voter1@demo.landslide.test",
      fetchFrom("127.0.1.1", () => ({ "x-forwarded-for": randomAddress() })),
    );
    const plain = await signedInVoter(stack, deployment, "voter2@demo.landslide.test", fetchFrom("127.0.2.1"));
    expect(await attemptsUntilRateLimited(plain, LIMIT + 5)).toBe(LIMIT + 1);
    expect(await attemptsUntilRateLimited(forger, LIMIT + 5)).toBe(LIMIT + 1);
  });
});

describe("the network evidence", () => {
  const ballot = {
    answers: {
      mascot: { choices: ["heron"] },
      parks: { choices: ["riverside"] },
      "council-chair": { choices: ["ada"] },
    },
  };

  /** The address block stored with the held ballot `email` casts through `fetchImpl` (read from the votes table itself). */
  async function evidenceOf(email: string, fetchImpl: typeof fetch): Promise<string | undefined> {
    const voter = await signedInVoter(stack, deployment, email, fetchImpl);
    const outcome = await voter.castBallot({ electionId: DEMO_ELECTION_ID, ballot });
    expect(outcome.decision).toBe("quarantined");
    const subject = String(decodeJwt((await voter.auth.tokens()).accessToken).sub);
    const dynamodb = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
    try {
      const stored = await new DynamoDbVoteStore(dynamodb, stack.provisioned.tables.votes).get(
        DEMO_ELECTION_ID,
        nodeKeys(readKeyFile(stack.keysFile)).voterKey(subject),
      );
      return stored?.evidence?.networkBlock;
    } finally {
      dynamodb.destroy();
    }
  }

  it("records the trusted proxy's own address, never a forwarded value that is not an IP address", async () => {
    const forged = "<img src=x onerror=alert(1)>";
    expect(
      await evidenceOf(
        "voter3@demo.landslide.test",
        fetchFrom(PROXY, () => ({ "x-forwarded-for": forged })),
      ),
    ).toBe("127.0.0.0/24");
  });

  it("believes the trusted proxy about a client's address (the load test's opt-in), skipping proxies on the way", async () => {
    const chain = `10.9.9.9, 198.51.100.7, ${PROXY}`; // the client's own claim, the address the proxy saw, a second proxy hop
    expect(
      await evidenceOf(
        "voter2@demo.landslide.test",
        fetchFrom(PROXY, () => ({ "x-forwarded-for": chain })),
      ),
    ).toBe("198.51.100.0/24");
  });
});
