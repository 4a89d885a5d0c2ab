import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, type RunningServer, startDynamoDbLocal } from "../src/index";
import { runRegionLossDrill } from "../src/region-drill/drill";

/**
 * The region-loss drill on two real DynamoDB Local servers, one per region, through the project's
 * castVote and DynamoDB VoteStore. Every voter casts in both regions at once and replication waits
 * a whole second, far longer than the two casts take: under MREC the second region always decides
 * before the first one's vote can reach it.
 */
let servers: RunningServer[] = [];
let endpoints: readonly [string, string];
beforeAll(async () => {
  const starts = await Promise.allSettled(
    [0, 1].map(async () => startDynamoDbLocal({ port: await freePort(), dataDir: null })),
  );
  servers = starts.flatMap((start) => (start.status === "fulfilled" ? [start.value] : []));
  const failed = starts.find((start) => start.status === "rejected");
  if (failed) throw failed.reason;
  endpoints = [servers[0]!.endpoint, servers[1]!.endpoint];
}, 300_000);
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

const VOTERS = 50;

describe("a voter voting in two regions within the replication window", () => {
  it("MREC (each region decides alone): voters get two receipts, and one of each pair is silently lost", async () => {
    const report = await runRegionLossDrill({ endpoints, mode: "MREC", voters: VOTERS, replicationDelayMs: 1000 });
    expect(report.votersWithTwoReceipts).toBeGreaterThanOrEqual(1);
    expect(report.acknowledgedVotesLost).toBeGreaterThanOrEqual(1);
    // Last writer wins: of each voter's two receipts, exactly one ballot survives.
    expect(report.acknowledgedVotesLost).toBe(report.votersWithTwoReceipts);
    expect(report.replication?.replacedOlder).toBe(report.votersWithTwoReceipts);
    expect(report.regionsAgree).toBe(true);
    expect(Object.values(report.storedVotes)).toEqual([VOTERS, VOTERS]);
  }, 120_000);

  it("MRSC (a majority decides): exactly one receipt per voter and no acknowledged vote lost", async () => {
    const report = await runRegionLossDrill({ endpoints, mode: "MRSC", voters: VOTERS });
    expect(report.receiptsIssued).toBe(VOTERS);
    expect(report.votersWithTwoReceipts).toBe(0);
    expect(report.votersWithoutReceipt).toBe(0);
    expect(report.refusedAlreadyVoted).toBe(VOTERS);
    expect(report.acknowledgedVotesLost).toBe(0);
    expect(report.regionsAgree).toBe(true);
    expect(Object.values(report.storedVotes)).toEqual([VOTERS, VOTERS]);
  }, 120_000);
});
