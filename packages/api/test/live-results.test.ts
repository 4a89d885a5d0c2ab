import { afterAll, beforeAll, expect, it } from "vitest";
import { createTRPCClient, httpLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { EventSource } from "eventsource";
import { freePort } from "@landslide/local-stack";
import { castVote, DEMO_ELECTION_ID, demoElection, type ResultsSnapshot } from "@landslide/vote-engine";
import { createDynamoDbClient, DynamoDbVoteStore } from "@landslide/vote-engine/dynamodb";
import { InMemoryElections } from "@landslide/vote-engine/memory";
import { nodeEntropy, nodeKeys, readKeyFile } from "@landslide/vote-engine/node-crypto";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import type { AppRouter } from "../src/index";
import { serviceEnvironment, startService, waitForService } from "../src/testing/index";

let stack: TestStack;
let services: Array<ReturnType<typeof startService>> = [];
let resultsUrl = "";

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  const [resultsPort, aggregatorPort] = [await freePort(), await freePort()];
  services = [
    startService("results", serviceEnvironment(stack, resultsPort)),
    startService("aggregator", serviceEnvironment(stack, aggregatorPort)),
  ];
  resultsUrl = `http://127.0.0.1:${resultsPort}`;
  await waitForService(resultsUrl, "results", services[0]!, 30_000);
});
afterAll(async () => {
  for (const service of services) service.child.kill("SIGTERM");
  await Promise.all(services.map((s) => s.exited));
  await stack.stop();
});

const client = () =>
  createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url: `${resultsUrl}/trpc`, EventSource }),
        false: httpLink({ url: `${resultsUrl}/trpc` }),
      }),
    ],
  });

async function castVotes(n: number, tag: string) {
  const dynamodb = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
  const deps = {
    elections: new InMemoryElections([demoElection({ now: () => new Date(Date.now() - 60_000) })]),
    votes: new DynamoDbVoteStore(dynamodb, stack.provisioned.tables.votes),
    // The deployment's own keys, as the vote API signs with: the aggregator counts nothing else.
    keys: nodeKeys(readKeyFile(stack.keysFile)),
    entropy: nodeEntropy,
    clock: { now: () => new Date() },
  };
  const ballot = {
    answers: {
      mascot: { choices: ["heron"] },
      parks: { choices: ["oakwood"] },
      "council-chair": { choices: ["dolores"] },
    },
  };
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      castVote(deps, {
        electionId: DEMO_ELECTION_ID,
        subject: `${tag}-${i}`,
        idempotencyKey: `${tag}-idempotency-${i}`.padEnd(16, "0"),
        ballot,
      }),
    ),
  );
  dynamodb.destroy();
  expect(results.every((r) => r.ok)).toBe(true);
}

it("pushes a new snapshot over SSE soon after votes are counted, and resumes after the last event a client saw", async () => {
  const received: Array<{ snapshot: ResultsSnapshot; at: number }> = [];
  const subscription = client().results.live.subscribe(
    { electionId: DEMO_ELECTION_ID },
    {
      onData: (event) => received.push({ snapshot: event.data, at: Date.now() }),
      onError: (error) => received.push({ snapshot: { error } as never, at: Date.now() }),
    },
  );
  const waitFor = async (predicate: () => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!predicate() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    return predicate();
  };
  try {
    expect(await waitFor(() => received.length > 0, 10_000)).toBe(true);
    expect(received[0]!.snapshot.turnout).toBe(0);

    const castAt = Date.now();
    await castVotes(5, "live");
    expect(await waitFor(() => received.some((r) => r.snapshot.turnout === 5), 10_000)).toBe(true);
    const arrived = received.find((r) => r.snapshot.turnout === 5)!;
    // Aggregator idle wait (250 ms) + its batch + one results poll (300 ms): well under 3 s end to end.
    expect(arrived.at - castAt).toBeLessThan(3000);
    expect(arrived.snapshot.questions[2]?.options.find((o) => o.id === "dolores")?.votes).toBe(5);
    const versions = received.map((r) => r.snapshot.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  } finally {
    subscription.unsubscribe();
  }

  // A reconnect that already saw the latest version waits for a newer one instead of repeating it.
  const latest = received.at(-1)!.snapshot.version;
  const resumed: ResultsSnapshot[] = [];
  const again = client().results.live.subscribe(
    { electionId: DEMO_ELECTION_ID, lastEventId: String(latest) },
    { onData: (event) => resumed.push(event.data) },
  );
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(resumed).toEqual([]);
    await castVotes(2, "resume");
    const deadline = Date.now() + 10_000;
    while (!resumed.some((s) => s.turnout === 7) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(resumed.every((s) => s.version > latest)).toBe(true);
    expect(resumed.at(-1)?.turnout).toBe(7);
  } finally {
    again.unsubscribe();
  }
});
