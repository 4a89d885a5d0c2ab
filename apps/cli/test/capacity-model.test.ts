import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { costEstimate } from "../src/lib/capacity/cost";
import { type FigureInputs, parseCapacityInputs, type RawCapacityInputs } from "../src/lib/capacity/inputs";
import { breakingLoad, rankLimits } from "../src/lib/capacity/limits";
import { loadtestFigure } from "../src/lib/capacity/loadtest-report";
import { capacityModel } from "../src/lib/capacity/model";
import type { CapacityReport } from "../src/lib/capacity/report";
import { runCli } from "./run-cli";

/**
 * The capacity model (`election capacity`): its arithmetic checked by hand at the defaults and
 * against the runbook's own table, that more load never needs less, that raising a ceiling moves
 * what breaks first, that bad input is refused with the flag to fix, and the built command.
 */

function inputs(figures: FigureInputs = {}, more: Omit<RawCapacityInputs, "figures"> = {}) {
  const parsed = parseCapacityInputs({ figures, ...more });
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.value;
}

const problemsOf = (raw: RawCapacityInputs) => {
  const parsed = parseCapacityInputs(raw);
  return parsed.ok ? [] : parsed.problems;
};

describe("the capacity model at the defaults", () => {
  const m = capacityModel(inputs());

  it("takes the peak from --peak-rps when the turnout shape asks for less", () => {
    // 240,000 requests/s ÷ 3 requests per cast = 80,000 casts/s.
    // Turnout: 300,000,000 × 0.65 = 195,000,000 casts over 12 h × 3,600 s = 43,200 s
    //   → mean 4,513.9 casts/s, × 4 at the busiest = 18,055.6 casts/s < 80,000: the target sets the peak.
    expect(m.peak.castsPerSecond).toBe(80_000);
    expect(m.peak.requestsPerSecond).toBe(240_000);
    expect(m.peak.setBy).toBe("peak-rps");
    expect(m.peak.totalCasts).toBe(195_000_000);
    expect(m.peak.meanCastsPerSecond).toBeCloseTo(4513.89, 2);
    expect(m.peak.castsPerSecondFromTurnout).toBeCloseTo(18_055.56, 2);
  });

  it("sizes the vote API and the results service", () => {
    // A task: 650 casts/s at full CPU (every request costs a cast) × 0.6 target CPU = 390 requests/s.
    // 240,000 ÷ 390 = 615.38 → 616 tasks; with one zone of three lost × 3/2 = 923.08 → 924;
    // with the 20 % ceiling margin × 1.2 = 1,107.69 → 1,108 tasks = 2,216 vCPU, 4,432 GB.
    expect(m.voteApi.requestsPerTaskAtTarget).toBe(390);
    expect(m.voteApi).toMatchObject({ tasksAtPeak: 616, tasksWithZoneLost: 924, maxTasks: 1108, vcpu: 2216 });
    expect(m.voteApi.memoryGb).toBe(4432);
    // Watchers: 1 % of 300,000,000 = 3,000,000; ÷ 10,000 per task × 3/2 = 450 tasks (1 vCPU each).
    expect(m.results).toMatchObject({ watchers: 3_000_000, tasks: 450, vcpu: 450 });
    // Fargate: 2,216 + 450 + 136 for the other services at their maxTasks = 2,802 vCPU.
    expect(m.fargate.vcpu).toBe(2802);
  });

  it("works out the votes table's units, replicas and partitions", () => {
    // A 1,019-byte item: ⌈1,019 ÷ 1,024⌉ = 1 write unit per put, ⌈1,019 ÷ 4,096⌉ = 1 read unit per read.
    // 80,000 puts/s → 80,000 WCU; one receipt read per cast → 80,000 RCU.
    // 3 Regions: 80,000 replicated WCU in each of the 2 others = 160,000.
    // Partitions: 80,000 ÷ 1,000 = 80 for writes; 80,000 ÷ 3,000 = 26.7 → 27 for reads;
    // storage 195,000,000 × (1,019 + 100) B = 218,205,000,000 B ÷ 10 GiB (10,737,418,240) = 20.3 → 21.
    expect(m.votes).toMatchObject({
      writeUnitsPerPut: 1,
      readUnitsPerRead: 1,
      bytesToNextWriteUnit: 5,
      writeUnitsPerSecond: 80_000,
      readUnitsPerSecond: 80_000,
      replicatedWriteUnitsPerExtraRegion: 80_000,
      replicatedWriteUnitsPerSecond: 160_000,
      partitions: { forWrites: 80, forReads: 27, forStorage: 21, needed: 80 },
      warmThroughputNeeded: true,
    });
    expect(m.votes.storageGb).toBeCloseTo(218_205_000_000 / 1024 ** 3, 6);
  });

  it("works out the tallies, the election copy, the aggregator and the fan-out", () => {
    // Aggregator: 80,000 records/s ÷ 500 per batch = 160 transactions/s.
    // Each: 17 counter updates × 2 units (transactional) = 34, in one shard → 5,440 WCU/s over 8 shards
    // = 680 per shard; ⌈5,440 ÷ 1,000⌉ = 6 shards needed. Plus the checkpoint, 2 units a batch: 5,760 in all.
    expect(m.aggregator).toEqual({ recordsPerSecond: 80_000, batchesPerSecond: 160 });
    expect(m.tallies).toMatchObject({ writeUnitsPerSecond: 5760, writeUnitsPerShard: 680, shardsNeeded: 6 });
    // Reads: 17 counters × 80 B = 1,360 B → 1 RCU per shard query; 450 results tasks × (1,000 ÷ 300 ms)
    // = 1,500 RCU/s on every shard, 12,000 over the 8.
    expect(m.tallies.readUnitsPerShard).toBeCloseTo(1500, 6);
    expect(m.tallies.readUnitsPerSecond).toBeCloseTo(12_000, 6);
    // The election copy: 4,148 B → 2 RCU; read by 924 + 450 = 1,374 tasks every 300 ms
    // = 4,580 reads/s = 9,160 RCU/s on one item.
    expect(m.elections).toMatchObject({ readUnitsPerRead: 2, readers: 1374 });
    expect(m.elections.readUnitsPerSecond).toBeCloseTo(9160, 6);
    // SSE: 3,000,000 watchers × 3.33 frames/s × 1,248 B = 12,480,000,000 B/s = 99.84 Gbit/s.
    expect(m.fanOut.framesPerSecond).toBeCloseTo(10_000_000, 3);
    expect(m.fanOut.bytesPerSecond).toBeCloseTo(12_480_000_000, 0);
    expect(m.fanOut.gigabitsPerSecond).toBeCloseTo(99.84, 6);
  });

  it("prices an election day and a month", () => {
    const i = inputs();
    const cost = costEstimate(i, capacityModel(i));
    const usd = (item: string) => cost.lines.find((l) => l.item === item)!.usd;
    // Vote API: 924 tasks × 2 vCPU × 4 h = 7,392 vCPU-hours × $0.03238 = $239.35.
    expect(usd("vote API tasks, vCPU")).toBeCloseTo(239.353, 3);
    // Puts: 195 million × $0.625 per million = $121.875; replicated: 390 million × $0.625 = $243.75.
    expect(usd("votes: conditional puts")).toBeCloseTo(121.875, 6);
    expect(usd("votes: replicated to 2 more Regions")).toBeCloseTo(243.75, 6);
    // Frames: 12,480,000,000 B/s × 4 h × 3,600 s ÷ 2³⁰ = 167,370.1 GB × $0.085 = $14,226.5.
    expect(usd("live results: SSE frames out")).toBeCloseTo(14_226.46, 1);
    // Idle month: 134 vCPU × 730 h × $0.03238 = $3,167.40.
    expect(usd("idle fleet (minTasks), vCPU")).toBeCloseTo(3167.4, 1);
    expect(cost.totalUsd).toBeCloseTo(cost.electionDayUsd + cost.monthUsd, 9);
    // A price given with --price is the one used.
    const cheaper = inputs({}, { prices: ["transfer-out=0.02"] });
    const line = costEstimate(cheaper, capacityModel(cheaper)).lines.find((l) => l.item.startsWith("live results"))!;
    expect(line.usd).toBeCloseTo(167_370.1 * 0.02, 0);
  });
});

describe("the runbook's own arithmetic", () => {
  it("is what the model gives for its planning figure of 1,500 casts/s per vCPU on 2-vCPU tasks", () => {
    // docs/operations.md §5: per task 2 × 1,500 × 0.6 = 1,800 requests/s; 240,000 ÷ 1,800 = 133.3 → 134 tasks;
    // × 3/2 = 200 with a zone lost; × 1.2 = 240 = maxTasks (480 vCPU); 108,000 requests per task per minute.
    const m = capacityModel(inputs({ castsPerTaskSecond: 3000 }));
    expect(m.voteApi.requestsPerTaskAtTarget).toBe(1800);
    expect(m.voteApi).toMatchObject({ tasksAtPeak: 134, tasksWithZoneLost: 200, maxTasks: 240, vcpu: 480 });
  });
});

describe("more load never needs less", () => {
  const voters = [1e5, 1e6, 1e7, 1e8, 3e8, 1e9, 2e9, 5e9, 1e10];

  it("more voters: never fewer tasks, units or partitions", () => {
    const models = voters.map((v) => capacityModel(inputs({ voters: v })));
    for (let i = 1; i < models.length; i++) {
      const [before, after] = [models[i - 1]!, models[i]!];
      expect(after.voteApi.maxTasks).toBeGreaterThanOrEqual(before.voteApi.maxTasks);
      expect(after.voteApi.tasksAtPeak).toBeGreaterThanOrEqual(before.voteApi.tasksAtPeak);
      expect(after.results.tasks).toBeGreaterThanOrEqual(before.results.tasks);
      expect(after.votes.writeUnitsPerSecond).toBeGreaterThanOrEqual(before.votes.writeUnitsPerSecond);
      expect(after.votes.partitions.needed).toBeGreaterThanOrEqual(before.votes.partitions.needed);
      expect(after.fargate.vcpu).toBeGreaterThanOrEqual(before.fargate.vcpu);
    }
    // Past 80,000 × 43,200 ÷ (0.65 × 4) ≈ 1.33 billion voters the turnout shape sets the peak: tasks grow.
    expect(models.at(-1)!.peak.setBy).toBe("turnout");
    expect(models.at(-1)!.voteApi.maxTasks).toBeGreaterThan(models[0]!.voteApi.maxTasks);
  });

  it("more requests at the peak, or a dearer cast: never fewer vote-API tasks", () => {
    let previous = 0;
    for (const peakRps of [1, 100, 10_000, 240_000, 250_000, 1e6, 1e7]) {
      const tasks = capacityModel(inputs({ peakRps })).voteApi.maxTasks;
      expect(tasks).toBeGreaterThanOrEqual(previous);
      previous = tasks;
    }
    previous = Infinity;
    for (const castsPerTaskSecond of [50, 90, 650, 723, 1500, 3000]) {
      const tasks = capacityModel(inputs({ castsPerTaskSecond })).voteApi.maxTasks;
      expect(tasks).toBeLessThanOrEqual(previous);
      previous = tasks;
    }
  });
});

describe("what breaks first", () => {
  it("ranks by the load at which each ceiling is passed, and moves on as ceilings are raised", () => {
    const at = (limits: string[]) => rankLimits(inputs({}, { limits }));

    // Default quotas: Fargate's 6 vCPU are passed with no load at all (the other services alone need 136).
    const fresh = at([]);
    expect(fresh.first.id).toBe("fargate-vcpu");
    expect(fresh.first.hitsAt?.load).toBe(0);
    const loads = fresh.ranked.map((l) => l.hitsAt?.load ?? Infinity);
    expect(loads).toEqual([...loads].sort((a, b) => a - b));

    // Quota raised: the results service's 60 tasks hold 60 × 10,000 ÷ 1.5 = 400,000 watchers,
    // 400,000 ÷ 3,000,000 = 0.1333 of the target = 32,000 requests/s.
    const quota = at(["fargate-vcpu=4000"]);
    expect(quota.first.id).toBe("results-max-tasks");
    expect(quota.first.hitsAt!.load).toBeCloseTo(0.13333, 4);
    expect(quota.first.hitsAt!.requestsPerSecond).toBeCloseTo(32_000, -1);

    // Results raised too: the aggregator's 12,373 records/s ÷ 80,000 = 0.1547 → 37,119 requests/s,
    // the first that needs a change of the code.
    const configured = at(["fargate-vcpu=4000", "results-max-tasks=1000"]);
    expect(configured.first.id).toBe("aggregator");
    expect(configured.first.hitsAt!.load).toBeCloseTo(12_373 / 80_000, 5);
    expect(configured.firstDesign?.id).toBe("aggregator");

    // And with an aggregator 10× faster, the vote API's maxTasks of 240: with a zone lost they carry
    // 240 ÷ 1.5 = 160 tasks' worth × 390 requests/s = 62,400 requests/s. The first design limit is then
    // the election copy: 3,000 RCU ÷ 2 per read × 0.3 s = 450 tasks reading it.
    const faster = at(["fargate-vcpu=4000", "results-max-tasks=1000", "aggregator-records=123730"]);
    expect(faster.first.id).toBe("vote-api-max-tasks");
    expect(faster.first.hitsAt!.requestsPerSecond).toBeCloseTo(62_400, -1);
    expect(faster.firstDesign?.id).toBe("election-copy-reads");
  });

  it("finds the breaking load by bisection, 0 when broken already, null when never", () => {
    expect(breakingLoad((load) => load * 80_000 > 12_373)).toBeCloseTo(0.15466, 5);
    expect(breakingLoad(() => true)).toBe(0);
    expect(breakingLoad(() => false)).toBeNull();
  });
});

describe("inputs that are refused", () => {
  it("names the flag and what it must be", () => {
    expect(problemsOf({ figures: { turnout: "1.5" } })).toEqual([
      "--turnout: must be a number above 0 and at most 1, not 1.5.",
    ]);
    expect(problemsOf({ figures: { voters: "lots" } })).toEqual([
      '--voters: must be a whole number at least 1, not "lots".',
    ]);
    expect(problemsOf({ figures: {}, sets: ["zones=1"] })).toEqual([
      "--set zones: must be a whole number at least 2, not 1.",
    ]);
    expect(problemsOf({ figures: { tallyShards: "0" } })[0]).toMatch(/^--tally-shards: /);
    expect(problemsOf({ figures: {}, limits: ["fargate=4000"] })[0]).toMatch(
      /^--limit fargate=4000: there is no "fargate"; the ids are fargate-vcpu, /,
    );
    expect(problemsOf({ figures: {}, prices: ["fargate-vcpu"] })[0]).toMatch(/write it as <id>=<value>/);
    expect(problemsOf({ figures: {}, prices: ["fargate-vcpu=-1"] })).toEqual([
      "--price fargate-vcpu: must be a number at least 0, not -1.",
    ]);
    expect(problemsOf({ figures: { regions: "2" }, sets: ["regions=3"] })[0]).toMatch(/give it once/);
    // Written the ways people write big numbers.
    expect(inputs({ voters: "300_000_000", peakRps: "240,000", castsPerTaskSecond: "6.5e2" })).toMatchObject({
      voters: 300_000_000,
      peakRps: 240_000,
      castsPerTaskSecond: 650,
    });
  });

  it("refuses a load-test report that lacks the figure, and reads one that has it", () => {
    expect(loadtestFigure("{}", "r.json")).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^r\.json has no "throughput"/)],
    });
    expect(loadtestFigure("not json", "r.json")).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^r\.json is not JSON/)],
    });
    expect(loadtestFigure('{"throughput": "fast"}', "r.json")).toMatchObject({
      ok: false,
      problems: ["r.json: throughput: must be a number; it is not a report 'election loadtest --json' wrote."],
    });
    expect(loadtestFigure('{"throughput": 90}', "r.json", "0")).toMatchObject({
      ok: false,
      problems: ["--loadtest-tasks: must be a whole number at least 1, not 0."],
    });

    // docs/benchmarks.md's saturated run: 90.7 casts/s answered of 250 planned, on one local stack.
    const report = {
      machine: { cores: 2, cpu: "AMD EPYC" },
      plan: { rate: 250, durationSeconds: 10 },
      outcomes: { shed: 0, unanswered: 0 },
      attempts: { shed: 12 },
      throughput: 90.7,
    };
    const saturated = loadtestFigure(JSON.stringify(report), "r.json");
    expect(saturated).toMatchObject({ ok: true, value: { castsPerTaskSecond: 90.7, saturated: true } });
    // Four staging tasks answering 2,000/s that were sent 2,000/s: 500 per task, a floor.
    const calm = loadtestFigure(
      JSON.stringify({ ...report, plan: { rate: 2000 }, attempts: { shed: 0 }, throughput: 2000 }),
      "r.json",
      "4",
    );
    expect(calm).toMatchObject({ ok: true, value: { castsPerTaskSecond: 500, saturated: false } });
    if (calm.ok) expect(calm.value.note).toMatch(/not saturated/);
  });
});

describe("election capacity (the built command)", () => {
  const scratch = mkdtempSync(join(tmpdir(), "landslide-capacity-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));
  const env = { ELECTION_CONFIG_DIR: join(scratch, "config") };

  it("prints the typed report with --json, takes a load-test report, and refuses one without the figure", async () => {
    const defaults = await runCli(["capacity", "--json"], env);
    expect(defaults.code, defaults.stderr).toBe(0);
    const report = JSON.parse(defaults.stdout) as CapacityReport;
    expect(report.perTask).toMatchObject({ kind: "measured", castsPerTaskSecond: 650 });
    expect(report.model.voteApi).toMatchObject({ tasksAtPeak: 616, tasksWithZoneLost: 924, maxTasks: 1108 });
    expect(report.model.votes.writeUnitsPerSecond).toBe(80_000);
    expect(report.limits.first.id).toBe("fargate-vcpu");
    expect(report.cost.priceList).toMatchObject({ region: "us-east-1", takenOn: "2026-12-04", overridden: [] });

    const good = join(scratch, "loadtest.json");
    writeFileSync(good, JSON.stringify({ plan: { rate: 2000 }, outcomes: { shed: 3 }, throughput: 1800 }));
    const measured = await runCli(
      ["capacity", "--from", good, "--loadtest-tasks", "2", "--limit", "fargate-vcpu=4000", "--json"],
      env,
    );
    expect(measured.code, measured.stderr).toBe(0);
    const fromReport = JSON.parse(measured.stdout) as CapacityReport;
    expect(fromReport.perTask).toMatchObject({ kind: "loadtest", castsPerTaskSecond: 900 });
    // 900 × 0.6 = 540 requests/s per task: 240,000 ÷ 540 = 444.4 → 445 tasks.
    expect(fromReport.model.voteApi.tasksAtPeak).toBe(445);
    expect(fromReport.limits.first.id).not.toBe("fargate-vcpu");

    const bad = join(scratch, "not-a-report.json");
    writeFileSync(bad, JSON.stringify({ voters: 12 }));
    const refused = await runCli(["capacity", "--from", bad], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr.replace(/\s*›\s*/g, " ")).toContain('has no "throughput"');
  });
});
