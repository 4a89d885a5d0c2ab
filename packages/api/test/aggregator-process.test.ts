import { afterAll, beforeAll, expect, it } from "vitest";
import { freePort } from "@landslide/local-stack";
import { castVote, DEMO_ELECTION_ID, demoElection, type ResultsSnapshot } from "@landslide/vote-engine";
import { createDynamoDbClient, DynamoDbVoteStore } from "@landslide/vote-engine/dynamodb";
import { InMemoryElections } from "@landslide/vote-engine/memory";
import { nodeEntropy, nodeKeys, readKeyFile } from "@landslide/vote-engine/node-crypto";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { serviceEnvironment, startService, waitForService } from "../src/testing/index";

let stack: TestStack;
beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
});
afterAll(() => stack.stop());

it("the aggregator process, killed with SIGKILL three times while votes pour in, still brings the results service to the exact totals", async () => {
  const client = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
  const clock = { now: () => new Date() };
  const deps = {
    elections: new InMemoryElections([demoElection({ now: () => new Date(Date.now() - 3600_000) })]),
    votes: new DynamoDbVoteStore(client, stack.provisioned.tables.votes),
    // The deployment's own keys, as the vote API signs with: the aggregator counts nothing else.
    keys: nodeKeys(readKeyFile(stack.keysFile)),
    entropy: nodeEntropy,
    clock,
  };
  const cast = (from: number, to: number) =>
    Promise.all(
      Array.from({ length: to - from }, (_, k) =>
        castVote(deps, {
          electionId: DEMO_ELECTION_ID,
          subject: `proc-voter-${from + k}`,
          idempotencyKey: `proc-idem-key-${String(from + k).padStart(6, "0")}`,
          ballot: {
            answers: {
              mascot: { choices: ["otter"] },
              parks: { choices: ["harbour"] },
              "council-chair": { choices: ["chen", "ada"] },
            },
          },
        }),
      ),
    );

  const [aggregatorPort, resultsPort] = [await freePort(), await freePort()];
  const env = (port: number) => serviceEnvironment(stack, port);
  const results = startService("results", env(resultsPort));
  let aggregator = startService("aggregator", env(aggregatorPort));
  try {
    await waitForService(`http://127.0.0.1:${resultsPort}`, "results", results, 30_000);
    for (const [from, to] of [
      [0, 150],
      [150, 300],
      [300, 450],
    ] as const) {
      const casting = cast(from, to);
      await new Promise((resolve) => setTimeout(resolve, 400 + Math.random() * 800));
      aggregator.child.kill("SIGKILL"); // no goodbye: whatever it was doing stops mid-way
      await aggregator.exited;
      expect((await casting).every((r) => r.ok)).toBe(true);
      aggregator = startService("aggregator", env(aggregatorPort));
    }

    let snapshot: ResultsSnapshot | undefined;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const response = await fetch(`http://127.0.0.1:${resultsPort}/v1/elections/${DEMO_ELECTION_ID}/results`);
      expect(response.headers.get("cache-control")).toBe("public, max-age=1");
      snapshot = (await response.json()) as ResultsSnapshot;
      if (snapshot.turnout >= 450) break;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(snapshot?.turnout).toBe(450);
    expect(snapshot?.version).toBe(450);
    const [mascot, parks, chair] = snapshot!.questions;
    expect(mascot?.options.find((o) => o.id === "otter")?.votes).toBe(450);
    expect(parks?.options.map((o) => o.votes)).toEqual([0, 0, 450, 0]);
    expect(chair).toMatchObject({ counts: "first-preferences" });
    expect(chair?.options.find((o) => o.id === "chen")?.votes).toBe(450);

    const missing = await fetch(
      `http://127.0.0.1:${resultsPort}/v1/elections/00000000-0000-4000-8000-000000000000/results`,
    );
    expect(missing.status).toBe(404);
  } finally {
    aggregator.child.kill("SIGTERM");
    results.child.kill("SIGTERM");
    await Promise.all([aggregator.exited, results.exited]);
    client.destroy();
  }
});
