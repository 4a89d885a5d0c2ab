import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type StoredVote, tallyDelta, type VoteChange } from "@landslide/vote-engine";
import { processesOf } from "../src/lib/chaos/drill-stack";
import {
  faultSchedule,
  faultSequence,
  LEAD_MS,
  minimumDurationMs,
  SLOT_MS,
  TAIL_MS,
} from "../src/lib/chaos/fault-schedule";
import {
  type Acknowledgement,
  convergedAt,
  liveResultsConverge,
  noDoubleCount,
  receiptsStored,
  tallyRecountStoredAgree,
} from "../src/lib/chaos/invariants";
import type { ChaosReport } from "../src/lib/chaos/report";
import { countStoredVotes } from "../src/lib/chaos/stored-votes";
import { runCli } from "./run-cli";

/**
 * `election chaos`: the plan and the checks on their own, then the real command, CI-sized: 300
 * votes on its own stack while each service is killed twice, DynamoDB Local restarted, the
 * watchers' sockets cut and the aggregator frozen; every invariant must hold.
 */

describe("the fault schedule", () => {
  it("kills each service K times, restarts DynamoDB Local and cuts the watchers after the first round, and pauses the aggregator in the second", () => {
    const names = faultSequence(2, 5_000).map((f) => (f.kind === "kill" ? `kill ${f.service}` : f.kind));
    expect(names).toEqual([
      "kill vote-api",
      "kill aggregator",
      "kill results",
      "restart-dynamodb",
      "cut-watchers",
      "kill aggregator",
      "kill results",
      "pause-aggregator",
      "kill vote-api",
    ]);
    expect(faultSequence(1, 5_000).map((f) => f.kind)).toEqual([
      "kill",
      "kill",
      "kill",
      "pause-aggregator",
      "restart-dynamodb",
      "cut-watchers",
    ]);
    expect(() => faultSequence(0, 5_000)).toThrow(RangeError);
  });

  it("spreads the faults over the load, each at the start of its stretched slot, and refuses a load too short for them", () => {
    const faults = faultSequence(2, 5_000);
    const minimum = minimumDurationMs(faults);
    expect(minimum).toBe(
      LEAD_MS +
        6 * SLOT_MS.kill +
        SLOT_MS["restart-dynamodb"] +
        SLOT_MS["cut-watchers"] +
        SLOT_MS["pause-aggregator"] +
        TAIL_MS,
    );
    expect(faultSchedule(faults, minimum).map((p) => p.atMs)).toEqual([
      5_000, 13_000, 21_000, 29_000, 69_000, 75_000, 83_000, 91_000, 103_000,
    ]);
    const doubled = faultSchedule(faults, 2 * minimum - LEAD_MS - TAIL_MS);
    expect(doubled[1]!.atMs).toBe(LEAD_MS + 2 * SLOT_MS.kill);
    expect(doubled.at(-1)!.atMs).toBeLessThan(2 * minimum - LEAD_MS - 2 * TAIL_MS);
    expect(() => faultSchedule(faults, minimum - 1)).toThrow(RangeError);
  });
});

describe("the invariants", () => {
  const vote = (n: number, state: StoredVote["state"], ballot: StoredVote["ballot"]): StoredVote => ({
    electionId: "e",
    voterKey: `voter-${n}`,
    idempotencyKey: `key-${n}`,
    ballotHash: "",
    ballot,
    salt: "",
    decision: state === "quarantined" ? "quarantined" : "accepted",
    state,
    reasons: [],
    receipt: {
      receiptId: `receipt-${n}`,
      electionId: "e",
      castAt: "",
      commitment: `c${n}`,
      keyId: "k",
      binding: "",
      signature: `s${n}`,
    },
  });
  const stored = [
    vote(1, "accepted", [
      ["ferry", { choices: ["yes"] }],
      ["chair", { ranking: ["ada", "chen"] }],
    ]),
    vote(2, "released", [
      ["ferry", "abstain"],
      ["chair", { ranking: ["chen"] }],
    ]),
    vote(3, "quarantined", [["ferry", { choices: ["no"] }]]),
    vote(4, "voided", [["ferry", { choices: ["no"] }]]),
  ];
  const ack = (n: number, decision = "accepted"): Acknowledgement => ({
    voter: n,
    decision,
    receipt: stored[n - 1]!.receipt,
  });

  it("count the stored votes as the tally does: counted ones per option (first preferences), held ones apart, voided ones not", () => {
    expect(countStoredVotes(stored)).toEqual({
      __turnout: 2,
      __quarantined: 1,
      "ferry#yes": 1,
      "ferry#__abstain": 1,
      "chair#ada": 1,
      "chair#chen": 1,
    });
  });

  it("count a score answer as the tally does: each option's score times the ballot's weight, a weight beyond one apart", () => {
    const weighed = (n: number, weight: number | undefined, ballot: StoredVote["ballot"]): StoredVote => {
      const base = vote(n, "accepted", ballot);
      return { ...base, receipt: { ...base.receipt, ...(weight === undefined ? {} : { weight }) } };
    };
    const votes = [
      weighed(1, undefined, [
        ["budget", { scores: { library: 5, pool: 0, trams: 2 } }],
        ["ferry", { choices: ["yes"] }],
      ]),
      weighed(2, 3, [
        ["budget", { scores: { library: 1, pool: 4, trams: 0 } }],
        ["ferry", "abstain"],
      ]),
      vote(3, "quarantined", [["budget", { scores: { library: 5, pool: 5, trams: 5 } }]]),
    ];
    const counted = countStoredVotes(votes);
    expect(counted).toEqual({
      __turnout: 2,
      __extra_weight: 2,
      __quarantined: 1,
      "budget#library": 5 + 3 * 1,
      "budget#pool": 3 * 4,
      "budget#trams": 2,
      "ferry#yes": 1,
      "ferry#__abstain": 3,
    });
    // The same counters as the engine's own tally of the same votes.
    const changes = votes.map((v): VoteChange => ({
      sequenceNumber: v.voterKey,
      kind: "INSERT",
      electionId: v.electionId,
      voterKey: v.voterKey,
      state: v.state,
      ballot: v.ballot,
      ...(v.receipt.weight === undefined ? {} : { weight: v.receipt.weight }),
    }));
    const delta = tallyDelta(changes);
    expect(Object.fromEntries([...delta.get("e")!].filter(([counter]) => counter !== "__version"))).toEqual(counted);
  });

  it("find an acknowledged receipt without its stored vote, or stored otherwise than acknowledged", () => {
    expect(receiptsStored([ack(1), ack(2), ack(3, "quarantined")], stored).ok).toBe(true);
    const lost = receiptsStored([ack(1), { ...ack(2), receipt: { ...ack(2).receipt, receiptId: "gone" } }], stored);
    expect(lost).toMatchObject({ ok: false, figures: { acknowledged: 2, found: 1, missing: 1, altered: 0 } });
    expect(receiptsStored([ack(4)], stored)).toMatchObject({ ok: false, figures: { altered: 1 } });
  });

  it("compare the live tally, the recount and the stored count counter by counter, a missing counter being 0", () => {
    const counted = countStoredVotes(stored);
    const live = { ...counted, "ferry#no": 0, __version: 17 };
    expect(tallyRecountStoredAgree(live, { counters: counted, votesRead: 4, rejected: 0 }, counted).ok).toBe(true);
    const off = tallyRecountStoredAgree(
      { ...live, "ferry#yes": 2 },
      { counters: counted, votesRead: 4, rejected: 0 },
      counted,
    );
    expect(off).toMatchObject({ ok: false, problems: ["ferry#yes: live 2, recount 1, stored 1"] });
  });

  it("catch a voter counted twice, and a turnout above the distinct voters", () => {
    expect(noDoubleCount(stored, 2, [ack(1), ack(2)]).ok).toBe(true);
    expect(noDoubleCount(stored, 3, [ack(1), ack(2)]).ok).toBe(false);
    expect(noDoubleCount([...stored, stored[0]!], 2, [ack(1)]).ok).toBe(false);
    expect(noDoubleCount(stored, 2, [ack(1), ack(1)]).ok).toBe(false);
  });

  it("time the live results from the last fault to the last run of snapshots showing the full count", () => {
    const full = { __turnout: 3, "ferry#yes": 3 };
    const snapshots: Array<{ atMs: number; counters: Record<string, number> }> = [
      { atMs: 100, counters: { __turnout: 3, "ferry#yes": 3 } },
      { atMs: 200, counters: { __turnout: 2, "ferry#yes": 2 } },
      { atMs: 300, counters: { __turnout: 3, "ferry#yes": 3, "ferry#no": 0 } },
      { atMs: 400, counters: { __turnout: 3, "ferry#yes": 3 } },
    ];
    expect(convergedAt(snapshots, full)).toBe(300);
    expect(convergedAt(snapshots.slice(0, 2), full)).toBeNull();
    const converged = liveResultsConverge([{ snapshots, drops: 1 }], full, 250, 30_000);
    expect(converged).toMatchObject({ ok: true, figures: { measuredSeconds: 0.1, reconnections: 1 } });
    expect(liveResultsConverge([{ snapshots, drops: 0 }], full, 250, 40).ok).toBe(false);
    expect(liveResultsConverge([{ snapshots: snapshots.slice(0, 2), drops: 0 }], full, 0, 30_000).ok).toBe(false);
  });
});

const scratch = mkdtempSync(join(tmpdir(), "landslide-chaos-test-"));
const stackDir = join(scratch, "stack");
afterAll(() => {
  // The command stops its stack; whatever a failure left behind is this test's only (its folder).
  for (const pid of processesOf(stackDir)) {
    try {
      process.kill(pid, "SIGCONT");
      process.kill(pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }
  rmSync(scratch, { recursive: true, force: true });
});

describe("election chaos", () => {
  it(
    "casts 300 votes on its own stack while killing each service twice, restarting DynamoDB Local, cutting the watchers and freezing the aggregator, and every invariant holds",
    async () => {
      const result = await runCli(
        ["chaos", "--votes", "300", "--kills-per-service", "2", "--json", "--data-dir", stackDir],
        { ELECTION_CONFIG_DIR: join(scratch, "config") },
      );
      let report: ChaosReport;
      try {
        report = JSON.parse(result.stdout) as ChaosReport;
      } catch {
        throw new Error(`election chaos printed no report (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
      }
      const failed = report.invariants.filter((i) => !i.ok);
      expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
      expect(report.faults.filter((f) => !f.recovered)).toEqual([]);
      expect(result.code, result.stderr).toBe(0);
      expect(report.ok).toBe(true);
      // `local up` stopped everything it had restarted, DynamoDB Local's new Java included.
      expect(report.stack.stoppedCleanly).toBe(true);

      expect(report.faultCounts.kills["vote-api"]).toBeGreaterThanOrEqual(2);
      expect(report.faultCounts.kills.aggregator).toBeGreaterThanOrEqual(2);
      expect(report.faultCounts.kills.results).toBeGreaterThanOrEqual(2);
      expect(report.faultCounts.dynamodbRestarts).toBeGreaterThanOrEqual(1);
      expect(report.faultCounts).toMatchObject({ watcherCuts: 1, aggregatorPauses: 1, failed: 0 });
      for (const kill of report.faults.filter((f) => f.kind === "kill")) {
        expect(kill).toMatchObject({ signal: "SIGKILL", recovered: true });
        expect(kill.newPid).not.toBe(kill.pid);
        expect(kill.recoveryMs).toBeGreaterThan(0);
      }
      expect(report.invariants.map((i) => i.id)).toEqual([
        "receipts-stored",
        "tally-recount-stored-agree",
        "no-double-count",
        "audit-chain-verifies",
        "live-results-converge",
      ]);

      expect(report.load.votes).toBe(300);
      expect(report.load.acknowledged).toBeGreaterThan(0);
      const receipts = report.invariants.find((i) => i.id === "receipts-stored")!;
      expect(receipts.figures).toMatchObject({ acknowledged: report.load.acknowledged, missing: 0 });
      const converge = report.invariants.find((i) => i.id === "live-results-converge")!;
      expect(converge.figures.measuredSeconds).toBeLessThanOrEqual(30);
    },
    15 * 60_000,
  );
});
