import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ScanCommand } from "@aws-sdk/client-dynamodb";
import { createCognitoClient, ensureAccountWithPassword, generatePassword } from "@landslide/vote-engine/cognito";
import { createDynamoDbClient } from "@landslide/vote-engine/dynamodb";
import { STOP_NOTICE_MS } from "@landslide/vote-engine";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { createLandslideClient, type LandslideClient, memoryDeviceKeyStore, refusalOf } from "../../src/client/index";
import { type Deployment, startDeployment } from "../../src/testing/index";
import { waitFor } from "../wait-for";

/**
 * Casts racing an official's close, over real HTTP: the close takes effect at the instant it
 * names (effectiveAt), and no ballot cast at or after it is accepted or counted, whatever the
 * vote API's cached copy of the election said.
 */
let stack: TestStack;
let deployment: Deployment;
const VOTERS = 24;
// The close comes a third of the way through the casts and takes effect STOP_NOTICE_MS later, two
// thirds of the way: some casts land before it and some after, whatever the notice is.
const STAGGER_MS = (3 * STOP_NOTICE_MS) / VOTERS;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  // Every voter calls from 127.0.0.1: the network's cast limit is not what this test is about.
  deployment = await startDeployment(stack, {
    LANDSLIDE_CAST_LIMIT_PER_IP_BLOCK: "100000",
    LANDSLIDE_CHALLENGE_MAX_NUMBER: "1000",
  });
}, 180_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

function client(app: "voter-web" | "console"): LandslideClient {
  return createLandslideClient({
    urls: deployment.urls,
    cognito: {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds[app],
    },
    deviceKeys: memoryDeviceKeyStore(),
    userAgent: "landslide-attack-test/1.0",
  });
}

/** Voters made by the administrator, as provisioning makes the demo ones (self sign-up is rate limited). */
async function voters(n: number): Promise<LandslideClient[]> {
  const cognito = createCognitoClient({ region: stack.target.region, endpoint: stack.target.cognitoEndpoint });
  try {
    return await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        const email = `racer${i}@late.landslide.test`;
        const password = generatePassword();
        await ensureAccountWithPassword(cognito, stack.provisioned.userPoolId, { email, group: "voters" }, password);
        const voter = client("voter-web");
        await voter.auth.signIn(email, password);
        await voter.ensureDevice();
        await voter.prepareHumanCheck();
        return voter;
      }),
    );
  } finally {
    cognito.destroy();
  }
}

describe("casts racing a close", () => {
  it("accepts none cast at or after the close's effective instant, refuses every one sent after it, and counts exactly the accepted", async () => {
    const official = client("console");
    const account = stack.provisioned.accounts.find((a) => a.group === "officials")!;
    await official.auth.signIn(account.email, account.password);
    const election = await official.control.official.elections.create.mutate({
      election: {
        title: "Closing bell",
        questions: [
          {
            id: "q",
            kind: "single",
            prompt: "Ring it?",
            options: [
              { id: "yes", label: "Yes" },
              { id: "no", label: "No" },
            ],
          },
        ],
      },
      reason: "race test",
    });
    await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "open",
      reason: "polls open",
    });
    const racers = await voters(VOTERS);
    await new Promise((resolve) => setTimeout(resolve, 1600)); // people read the ballot before casting

    const started = Date.now();
    const casts = racers.map(async (voter, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * STAGGER_MS));
      const sentAt = Date.now();
      try {
        const outcome = await voter.castBallot({
          electionId: election.id,
          ballot: { answers: { q: { choices: [i % 2 ? "yes" : "no"] } } },
        });
        return {
          sentAt,
          accepted: true as const,
          castAt: Date.parse(outcome.receipt.castAt),
          decision: outcome.decision,
        };
      } catch (error) {
        return { sentAt, accepted: false as const, reason: refusalOf(error)?.reason ?? String(error) };
      }
    });
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (VOTERS * STAGGER_MS) / 3 - Date.now())));
    const closed = await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "closed",
      reason: "polls closed",
    });
    const effectiveAt = Date.parse(closed.effectiveAt);
    const outcomes = await Promise.all(casts);

    const accepted = outcomes.filter((o) => o.accepted);
    const refused = outcomes.filter((o) => !o.accepted);
    // Some of each, or the race did not happen.
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const o of accepted) expect(o.castAt).toBeLessThan(effectiveAt);
    for (const o of outcomes.filter((x) => x.sentAt >= effectiveAt))
      expect(o).toMatchObject({ accepted: false, reason: "ELECTION_CLOSED" });
    expect(new Set(refused.map((o) => (o.accepted ? "" : o.reason)))).toEqual(new Set(["ELECTION_CLOSED"]));

    // Counted: exactly the accepted, nothing set aside as late.
    const counted = accepted.filter((o) => o.accepted && o.decision === "accepted").length;
    const snapshot = await waitFor(async () => {
      const s = await official.results.results.snapshot.query({ electionId: election.id });
      return s.turnout === counted ? s : undefined;
    });
    expect(snapshot.turnout).toBe(counted);
    const recount = await official.control.official.elections.recount.mutate({ electionId: election.id });
    expect(recount.differences).toEqual([]);
    const dynamodb = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
    try {
      // The aggregator marks every dead letter it commits in the tallies table (the letter itself goes to SQS).
      const { Items = [] } = await dynamodb.send(
        new ScanCommand({
          TableName: stack.provisioned.tables.tallies,
          FilterExpression: "begins_with(pk, :mark) AND electionId = :e",
          ExpressionAttributeValues: { ":mark": { S: "DEADLETTER#" }, ":e": { S: election.id } },
        }),
      );
      expect(Items).toEqual([]);
    } finally {
      dynamodb.destroy();
    }
  });
});
