import { afterAll, describe, expect, it } from "vitest";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import { createDynamoDbClient, DynamoDbRateCounter, ensureTables } from "@landslide/vote-engine/dynamodb";
import { addressBlock, checkRateLimits } from "../src/guards/rate-limit";

const client = createDynamoDbClient({ region: "eu-west-1", endpoint: testServers().dynamodbEndpoint });
afterAll(() => client.destroy());

describe("address blocks", () => {
  it.each([
    ["203.0.113.77", "203.0.113.0/24"],
    ["::ffff:203.0.113.9", "203.0.113.0/24"],
    ["2001:db8:1:2:3:4:5:6", "2001:0db8:0001:0002::/64"],
    ["2001:db8::1", "2001:0db8:0000:0000::/64"],
  ])("%s is limited as %s", (ip, block) => {
    expect(addressBlock(ip)).toBe(block);
  });
});

describe("rate limits counted in DynamoDB Local", () => {
  it("let the limit through per window, then refuse with the seconds to wait; tasks sharing the table share the count", async () => {
    const table = (await ensureTables(client, uniqueName("rate"))).names.nonces;
    const taskA = new DynamoDbRateCounter(client, table);
    const taskB = new DynamoDbRateCounter(client, table);
    const rules = [{ scope: "ip" as const, limit: 3, windowSeconds: 60 }];
    const now = new Date("2026-11-25T12:00:15Z");
    const decisions = [];
    for (const counter of [taskA, taskB, taskA, taskB]) decisions.push(await checkRateLimits(counter, rules, { ip: "198.51.100.7" }, "cast", now));
    expect(decisions.slice(0, 3).every((d) => d.allowed)).toBe(true);
    expect(decisions[3]).toEqual({ allowed: false, scope: "ip", retryAfterSeconds: 45 });
    // Another address in the same /24 shares the block's count; another block does not.
    expect(await checkRateLimits(taskA, rules, { ip: "198.51.100.200" }, "cast", now)).toMatchObject({ allowed: false });
    expect(await checkRateLimits(taskA, rules, { ip: "198.51.101.1" }, "cast", now)).toEqual({ allowed: true, counts: { ip: 1 } });
    // The next window starts afresh.
    expect(await checkRateLimits(taskA, rules, { ip: "198.51.100.7" }, "cast", new Date("2026-11-25T12:01:00Z"))).toEqual({ allowed: true, counts: { ip: 1 } });
  });
});
