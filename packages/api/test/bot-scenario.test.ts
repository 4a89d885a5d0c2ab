import { afterAll, beforeAll, expect, it } from "vitest";
import { DEMO_ELECTION_ID } from "@landslide/vote-engine";
import { createCognitoClient, ensureAccountWithPassword } from "@landslide/vote-engine/cognito";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { createDeviceKey, createLandslideClient, type DeviceKey, type LandslideClient, memoryDeviceKeyStore, refusalOf } from "../src/client/index";
import { type Deployment, startDeployment } from "../src/testing/index";

/**
 * A scripted population against the real services: people on their own devices, a few of them
 * sharing an office network, and a bot farm that shares a handful of devices, sits in one address
 * block, submits the human check the instant it gets one, and runs a driven browser that says so.
 */
const HUMANS = 80;
const OFFICE_HUMANS = 12; // of the humans, this many share one /24 behind the office NAT
const BOTS = 40;
const BOT_DEVICES = 5;

let stack: TestStack;
let deployment: Deployment;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  // The test plays the proxy in front (as a load balancer): trusted, it tells the services each client's address.
  deployment = await startDeployment(stack, { LANDSLIDE_TRUSTED_PROXIES: "127.0.0.1" });
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

interface Actor {
  readonly kind: "human" | "bot";
  readonly email: string;
  readonly client: LandslideClient;
}

function actor(kind: Actor["kind"], index: number, address: string, device: DeviceKey | undefined): Actor {
  const email = `${kind}.${index}.${Date.now()}@scenario.example`;
  const client = createLandslideClient({
    urls: deployment.urls,
    cognito: { region: stack.target.region, endpoint: stack.target.cognitoEndpoint, clientId: stack.provisioned.clientIds["voter-web"] },
    deviceKeys: memoryDeviceKeyStore(device),
    userAgent:
      kind === "bot"
        ? "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36"
        : "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    clientHints: () => ({ webdriver: kind === "bot" }),
    // The load balancer appends the address it saw.
    fetch: (input, init) => fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), "x-forwarded-for": address } }),
  });
  return { kind, email, client };
}

/**
 * Every actor gets its account from the admin API, as provisioning creates accounts: this test
 * measures the risk checks at cast time, not sign-up, whose own limits (five per network per ten
 * minutes) would stop the farm's /24 first and are attacked in test/attacks/sign-up-abuse.test.ts.
 * Then each signs in and binds its device through the SDK, from its own address, as it would.
 */
async function createAndSignIn({ email, client }: Actor) {
  const password = "Scenario-Passw0rd-long";
  const cognito = createCognitoClient({ region: stack.target.region, endpoint: stack.target.cognitoEndpoint });
  try {
    await ensureAccountWithPassword(cognito, stack.provisioned.userPoolId, { email, group: "voters" }, password);
  } finally {
    cognito.destroy();
  }
  await client.auth.signIn(email, password);
  await client.ensureDevice();
}

async function inBatches<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += size) results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  return results;
}

const ballot = { answers: { mascot: { choices: ["heron"] }, parks: { choices: ["riverside"] }, "council-chair": { choices: ["ada"] } } };

it("does not count at least 95% of bot ballots and flags at most 1% of people", async () => {
  const botDevices = await Promise.all(Array.from({ length: BOT_DEVICES }, () => createDeviceKey()));
  const humans = Array.from({ length: HUMANS }, (_, i) =>
    actor("human", i, i < OFFICE_HUMANS ? `198.51.100.${10 + i}` : `10.${20 + (i % 200)}.${i}.${(i * 7) % 250}`, undefined),
  );
  const bots = Array.from({ length: BOTS }, (_, i) => actor("bot", i, `203.0.113.${1 + (i % 250)}`, botDevices[i % BOT_DEVICES]));
  // cognito-local keeps each pool in one JSON file and loses writes under concurrent account creation.
  await inBatches([...humans, ...bots], 1, createAndSignIn);

  // People open the ballot (the human check starts solving), read it, and vote a little later.
  await inBatches(humans, 20, (h) => h.client.prepareHumanCheck());
  await new Promise((resolve) => setTimeout(resolve, 2000));

  const cast = async ({ kind, client }: Actor) => {
    try {
      const outcome = await client.castBallot({ electionId: DEMO_ELECTION_ID, ballot });
      return { kind, result: outcome.decision };
    } catch (error) {
      return { kind, result: refusalOf(error)?.reason ?? `no answer: ${String(error)}` };
    }
  };
  // Interleaved, as they would arrive.
  const arrivals = humans.flatMap((h, i) => (i < BOTS ? [h, bots[i]!] : [h]));
  const outcomes = await inBatches(arrivals, 10, cast);

  const tally = (kind: Actor["kind"]) => {
    const mine = outcomes.filter((o) => o.kind === kind);
    const count = (result: string) => mine.filter((o) => o.result === result).length;
    return { total: mine.length, accepted: count("accepted"), quarantined: count("quarantined"), refused: mine.length - count("accepted") - count("quarantined"), reasons: [...new Set(mine.map((o) => o.result))] };
  };
  const [people, farm] = [tally("human"), tally("bot")];
  const botsNotCounted = (farm.total - farm.accepted) / farm.total;
  const humansFlagged = (people.total - people.accepted) / people.total;
  console.log(
    [
      `humans: ${people.total} (${OFFICE_HUMANS} behind one office NAT): ${people.accepted} accepted, ${people.quarantined} quarantined, ${people.refused} refused (${people.reasons.join(", ")})`,
      `bots:   ${farm.total} on ${BOT_DEVICES} devices in one /24: ${farm.accepted} accepted, ${farm.quarantined} quarantined, ${farm.refused} refused (${farm.reasons.join(", ")})`,
      `bot ballots not counted: ${(botsNotCounted * 100).toFixed(1)}%; humans flagged: ${(humansFlagged * 100).toFixed(1)}%`,
    ].join("\n"),
  );
  expect(people.reasons.filter((r) => !["accepted", "quarantined", "RISK_REFUSED"].includes(r))).toEqual([]);
  expect(botsNotCounted).toBeGreaterThanOrEqual(0.95);
  expect(humansFlagged).toBeLessThanOrEqual(0.01);
}, 240_000);
