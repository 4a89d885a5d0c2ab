import { afterAll, describe, expect, it } from "vitest";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import { createDynamoDbClient, DynamoDbRateCounter, ensureTables } from "@landslide/vote-engine/dynamodb";
import { addressBlock, RateLimiter, type RateRule, type SharedRateCounter } from "../src/guards/rate-limit";

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

describe("rate limits", () => {
  const now = new Date("2026-11-25T12:00:15Z");
  const blockRule: RateRule = { scope: "ip", limit: 3, windowSeconds: 60, shared: true };
  const limiters = async (rules: RateRule[]) => {
    const table = (await ensureTables(client, uniqueName("rate"))).names.nonces;
    const counter = new DynamoDbRateCounter(client, table);
    return [new RateLimiter(counter, rules), new RateLimiter(counter, rules)] as const;
  };

  it("hold exactly within one task: the limit passes, the next is refused with the seconds to wait, and the next window starts afresh", async () => {
    const [task] = await limiters([blockRule]);
    const decisions = [1, 2, 3, 4].map(() => task.check({ ip: "198.51.100.7" }, "cast", now));
    expect(decisions.slice(0, 3)).toEqual([1, 2, 3].map((n) => ({ allowed: true, counts: { ip: n } })));
    expect(decisions[3]).toEqual({ allowed: false, scope: "ip", retryAfterSeconds: 45 });
    // Another address in the same /24 shares the block's count; another block does not.
    expect(task.check({ ip: "198.51.100.200" }, "cast", now)).toMatchObject({ allowed: false });
    expect(task.check({ ip: "198.51.101.1" }, "cast", now)).toEqual({ allowed: true, counts: { ip: 1 } });
    expect(task.check({ ip: "198.51.100.7" }, "cast", new Date("2026-11-25T12:01:00Z"))).toEqual({
      allowed: true,
      counts: { ip: 1 },
    });
    await task.stop();
  });

  it("share an address block's count between tasks through DynamoDB once they report", async () => {
    const [taskA, taskB] = await limiters([blockRule]);
    expect(taskA.check({ ip: "192.0.2.1" }, "cast", now).allowed).toBe(true);
    expect(taskA.check({ ip: "192.0.2.2" }, "cast", now).allowed).toBe(true);
    await taskA.report(now);
    expect(taskB.check({ ip: "192.0.2.3" }, "cast", now)).toEqual({ allowed: true, counts: { ip: 1 } }); // B has not heard yet
    await taskB.report(now); // B learns the total: A's 2 and its own 1
    expect(taskB.check({ ip: "192.0.2.4" }, "cast", now)).toMatchObject({ allowed: false, scope: "ip" });
    // A, idle since its report, admits one more on what it knew; its next report brings it up to date.
    expect(taskA.check({ ip: "192.0.2.5" }, "cast", now)).toEqual({ allowed: true, counts: { ip: 3 } });
    await taskA.report(now);
    expect(taskA.check({ ip: "192.0.2.6" }, "cast", now)).toMatchObject({ allowed: false, scope: "ip" });
  });

  it("count accounts and devices per task, and report the counts the risk score reads", async () => {
    const [task] = await limiters([
      { scope: "account", limit: 2, windowSeconds: 60, shared: false },
      { scope: "device", limit: 10, windowSeconds: 60, shared: false },
    ]);
    expect(task.check({ ip: "192.0.2.9", account: "a", device: "d" }, "cast", now)).toEqual({
      allowed: true,
      counts: { account: 1, device: 1 },
    });
    expect(task.check({ ip: "192.0.2.9", account: "b", device: "d" }, "cast", now)).toEqual({
      allowed: true,
      counts: { account: 1, device: 2 },
    });
    expect(task.check({ ip: "192.0.2.9", account: "a", device: "d" }, "cast", now)).toEqual({
      allowed: true,
      counts: { account: 2, device: 3 },
    });
    expect(task.check({ ip: "192.0.2.9", account: "a", device: "d" }, "cast", now)).toMatchObject({
      allowed: false,
      scope: "account",
    });
  });
});

describe("rate limits that report a block from its second hit", () => {
  const now = new Date("2026-11-25T12:00:15Z");
  const blockRule: RateRule = { scope: "ip", limit: 3, windowSeconds: 60, shared: true };

  it("write nothing for a block's single hit, share a block's count from its second, and hold the stated bound across tasks", async () => {
    const table = (await ensureTables(client, uniqueName("rate-from"))).names.nonces;
    let writes = 0;
    const inner = new DynamoDbRateCounter(client, table);
    const counter: SharedRateCounter = { add: (...args) => (writes++, inner.add(...args)) };
    const tasks = [1, 2, 3, 4, 5].map(
      () => new RateLimiter(counter, [blockRule], { reportEveryMs: 1000, reportFrom: 2 }),
    );

    // One hit of a block in each of five tasks: each admits it and none writes. Five pass a limit of
    // three: the stated bound, T × (reportFrom − 1) = 5 beyond what the table knows.
    for (const task of tasks)
      expect(task.check({ ip: "203.0.113.1" }, "cast", now)).toEqual({ allowed: true, counts: { ip: 1 } });
    await Promise.all(tasks.map((task) => task.report(now)));
    expect(writes).toBe(0);

    // A second hit in one task makes the block due: its report writes both and learns the total (2).
    const [first, second] = tasks as [RateLimiter, RateLimiter];
    expect(first.check({ ip: "203.0.113.2" }, "cast", now).allowed).toBe(true);
    await first.report(now);
    expect(writes).toBe(1);
    // Another task has not heard of that write: its second hit makes the block due there too, and
    // its report learns the total (4), past the limit, so its next hit is refused.
    expect(second.check({ ip: "203.0.113.3" }, "cast", now).allowed).toBe(true);
    await second.report(now);
    expect(second.check({ ip: "203.0.113.4" }, "cast", now)).toMatchObject({ allowed: false, scope: "ip" });

    // Stopping writes what is left, however few.
    await Promise.all(tasks.map((task) => task.stop()));
    const total = await inner.add("cast#ip#203.0.113.0/24", 60, now, 0);
    expect(total.count).toBe(7);
  });
});
