import { afterAll, describe, expect, it } from "vitest";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import { createDynamoDbClient, DynamoDbElectionCopies, ensureTables } from "../src/adapters/dynamodb";
import { demoElection } from "../src/index";

const client = createDynamoDbClient({ region: "eu-west-1", endpoint: testServers().dynamodbEndpoint });
afterAll(() => client.destroy());

const copies = async () =>
  new DynamoDbElectionCopies(client, (await ensureTables(client, uniqueName("copies"))).names.elections);
const election = demoElection({ now: () => new Date("2026-12-01T08:00:00Z") });

describe("the data plane's copies of elections", () => {
  it("gives back what was published, dates as dates, and nothing for an election never published", async () => {
    const store = await copies();
    const stopsAt = new Date("2026-12-01T09:00:01.250Z");
    expect(await store.publish({ ...election, status: "closed", stopsAt, version: 3 })).toBe("published");
    const copy = await store.get(election.id);
    expect(copy).toEqual({ ...election, status: "closed", stopsAt, version: 3 });
    expect(copy?.stopsAt).toBeInstanceOf(Date);
    expect(await store.get(crypto.randomUUID())).toBeUndefined();
  });

  it("never goes back: an older or equal version is refused as stale, whichever control-API task sends it last", async () => {
    const store = await copies();
    expect(await store.publish({ ...election, status: "paused", version: 5 })).toBe("published");
    const racing = await Promise.all(
      [4, 5, 2, 1].map((version) => store.publish({ ...election, status: "open", version })),
    );
    expect(racing).toEqual(["stale", "stale", "stale", "stale"]);
    expect(await store.get(election.id)).toMatchObject({ status: "paused", version: 5 });
    expect(await store.publish({ ...election, status: "closed", version: 6 })).toBe("published");
    expect(await store.get(election.id)).toMatchObject({ status: "closed", version: 6 });
  });

  it("keeps only what a copy holds: a cache's read time is not stored", async () => {
    const store = await copies();
    await store.publish({ ...election, readAt: new Date(), version: 1 });
    expect(await store.get(election.id)).not.toHaveProperty("readAt");
  });
});
