import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDynamoDbClient, DynamoDbElectionCopies } from "@landslide/vote-engine/dynamodb";
import { connectControlPlane, ElectionsRepository, type StoredElection } from "@landslide/vote-engine/postgres";
import { DEMO_ELECTION_ID, ELECTION_READ_MAX_AGE_MS, STOP_NOTICE_MS, systemClock } from "@landslide/vote-engine";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { electionPublisher } from "../src/elections/publish-election";

/**
 * A stop is recorded STOP_NOTICE_MS ahead; it holds on every task only if its copy reaches the
 * data plane at least ELECTION_READ_MAX_AGE_MS before it. These publish through the real Postgres
 * and DynamoDB Local, with a clock that says how long the write took.
 */
let stack: TestStack;
let control: ReturnType<typeof connectControlPlane>;
let dynamodb: ReturnType<typeof createDynamoDbClient>;
let repository: ElectionsRepository;
let copies: DynamoDbElectionCopies;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  control = connectControlPlane(stack.target.databaseUrl);
  dynamodb = createDynamoDbClient({ region: stack.target.region, endpoint: stack.target.dynamodbEndpoint });
  repository = new ElectionsRepository(control.db);
  copies = new DynamoDbElectionCopies(dynamodb, stack.provisioned.tables.elections);
}, 120_000);
afterAll(async () => {
  dynamodb?.destroy();
  await control?.close();
  await stack?.stop();
});

/** A fresh open election, paused just now with the usual notice. */
async function pausedJustNow(): Promise<StoredElection> {
  const demo = (await repository.get(DEMO_ELECTION_ID))!;
  const open = await repository.insert({ ...demo, id: crypto.randomUUID(), status: "open" });
  await copies.publish(open);
  return (await repository.updateStatus(open.id, "open", "paused", new Date(Date.now() + STOP_NOTICE_MS)))!;
}

describe("publishing a stop", () => {
  it("keeps the recorded instant when the copy lands in time", async () => {
    const paused = await pausedJustNow();
    const published = await electionPublisher({ copies, repository: () => repository, clock: systemClock }).publishStop(
      paused,
    );
    expect(published).toEqual(paused);
    expect(await copies.get(paused.id)).toEqual(paused);
  });

  it("moves the stop later, in Postgres and in the copy alike, when the copy landed too late for every task to hear in time", async () => {
    const paused = await pausedJustNow();
    // The write "took" ELECTION_READ_MAX_AGE_MS: a task may have read just before it and judge by that copy until after the stop.
    const slow = { now: () => new Date(Date.now() + ELECTION_READ_MAX_AGE_MS) };
    const published = await electionPublisher({ copies, repository: () => repository, clock: slow }).publishStop(
      paused,
    );
    expect(published.version).toBeGreaterThan(paused.version);
    expect(published.stopsAt!.getTime()).toBeGreaterThanOrEqual(paused.stopsAt!.getTime() + ELECTION_READ_MAX_AGE_MS);
    expect(published.status).toBe("paused");
    expect(await repository.get(paused.id)).toEqual(published);
    expect(await copies.get(paused.id)).toEqual(published);
  });

  it("leaves a stop alone once someone else changed the election: their change is the newer truth", async () => {
    const paused = await pausedJustNow();
    const closed = (await repository.updateStatus(paused.id, "paused", "closed"))!;
    const slow = { now: () => new Date(Date.now() + ELECTION_READ_MAX_AGE_MS) };
    const published = await electionPublisher({ copies, repository: () => repository, clock: slow }).publishStop(
      paused,
    );
    expect(published).toEqual(paused);
    expect(await repository.get(paused.id)).toEqual(closed);
  });
});
