import { afterAll, describe, expect, it } from "vitest";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import {
  createDynamoDbClient,
  DynamoDbNetworkLists,
  ensureTables,
  type NetworkListInfo,
} from "../src/adapters/dynamodb";

const client = createDynamoDbClient({ region: "eu-west-1", endpoint: testServers().dynamodbEndpoint });
afterAll(() => client.destroy());

const store = async () =>
  new DynamoDbNetworkLists(client, (await ensureTables(client, uniqueName("lists"))).names["network-lists"]);
const info = (importId: string, parts: number): NetworkListInfo => ({
  name: "tor-exits",
  category: "anonymizer",
  importId,
  parts,
  ranges: parts,
  source: "tor-exits.txt",
  importedAt: "2026-12-02T10:00:00.000Z",
  importedBy: "operator@example.org",
});

describe("imported network lists in DynamoDB", () => {
  it("go live whole: parts in order, an import missing a part refused, a new import replacing the old and its parts", async () => {
    const lists = await store();
    const first = crypto.randomUUID();
    // Twelve parts, staged out of order: read back in order (the zero-padded sort key).
    for (const part of [3, 1, 12, 2, 4, 5, 6, 7, 8, 9, 10, 11])
      await lists.stagePart("tor-exits", first, part, `part ${part}`);
    expect(await lists.commit(info(first, 13))).toBe(false);
    expect(await lists.list()).toEqual([]);
    expect(await lists.commit(info(first, 12))).toBe(true);
    expect(await lists.list()).toEqual([info(first, 12)]);
    expect(await lists.content(info(first, 12))).toEqual(Array.from({ length: 12 }, (_, i) => `part ${i + 1}`));

    // An import interrupted before its commit leaves the live list as it was.
    const interrupted = crypto.randomUUID();
    await lists.stagePart("tor-exits", interrupted, 1, "half");
    expect(await lists.list()).toEqual([info(first, 12)]);

    const second = crypto.randomUUID();
    await lists.stagePart("tor-exits", second, 1, "new");
    expect(await lists.commit(info(second, 1))).toBe(true);
    expect(await lists.list()).toEqual([info(second, 1)]);
    expect(await lists.content(info(second, 1))).toEqual(["new"]);
    // The replaced import's parts are gone.
    expect(await lists.content(info(first, 12))).toEqual(Array.from({ length: 12 }, () => ""));

    expect(await lists.remove("tor-exits")).toBe(true);
    expect(await lists.remove("tor-exits")).toBe(false);
    expect(await lists.list()).toEqual([]);
    expect(await lists.content(info(second, 1))).toEqual([""]);
  });
});
