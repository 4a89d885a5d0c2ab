import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createLandslideClient, liveCounters } from "@landslide/api/client";
import { importCognitoLocalAccounts, LocalStackError } from "@landslide/local-stack";
import { type StoredVote, verifyBundle } from "@landslide/vote-engine";
import { createBatchCryptoPool, nodeEntropy, verifyEd25519 } from "@landslide/vote-engine/node-crypto";
import { compareBundleWithArchive } from "../archive-comparison";
import type { ProgressBar } from "../progress-bar";
import { cuttableProxy } from "./cuttable-proxy";
import {
  closeElection,
  fetchAuditBundle,
  openDrillElection,
  recountElection,
  releaseHeldBallots,
  signInOfficial,
  stackDeployment,
} from "./drill-election";
import { castDrillLoad, prepareDrillVoters } from "./drill-load";
import { type DrillStack, startDrillStack } from "./drill-stack";
import { type FaultRecord, type FaultTargets, injectFault } from "./fault-injectors";
import { faultSchedule, faultSequence, minimumDurationMs } from "./fault-schedule";
import {
  auditChainVerifies,
  type Invariant,
  liveResultsConverge,
  noDoubleCount,
  receiptsStored,
  sameCounters,
  tallyRecountStoredAgree,
} from "./invariants";
import { watchLiveResults } from "./live-watchers";
import { type ChaosReport, faultCounts } from "./report";
import { countStoredVotes, TURNOUT, votesTable } from "./stored-votes";

export interface DrillOptions {
  readonly votes: number;
  readonly killsPerService: number;
  /** The highest cast rate; the load is slower when the faults need more time than votes/rate. */
  readonly maxRate: number;
  readonly watchers: number;
  readonly pauseMs: number;
  /** The bound on the time the live results take to show the full count after the last fault. */
  readonly convergeWithinMs: number;
  /** The drill's stack's folder; undefined: a new temporary one, removed afterwards unless something failed. */
  readonly dataDir: string | undefined;
  readonly keepData: boolean;
  readonly services: "built" | "sources";
  readonly prepareConcurrency: number;
  readonly maxInFlight: number;
  /** The caller's environment (PATH, HOME, JAVA_HOME… are passed on to the stack). */
  readonly inherit: NodeJS.ProcessEnv;
}

/** How the drill shows its progress: spinners and bars for people, nothing under --json. */
export interface DrillUi {
  step<T>(doing: string, work: () => Promise<T>): Promise<T>;
  progress(what: string, total: number): ProgressBar | undefined;
}

/**
 * The whole drill: its own stack, its own election, the voters made ready, the load cast while the
 * faults are injected on their schedule, then every invariant checked. Whatever happens, the
 * stack is stopped (and a paused aggregator let go) before this returns or throws.
 */
export async function runChaosDrill(options: DrillOptions, ui: DrillUi): Promise<ChaosReport> {
  const began = performance.now();
  const faults = faultSequence(options.killsPerService, options.pauseMs);
  const durationMs = Math.max(minimumDurationMs(faults), Math.ceil((options.votes / options.maxRate) * 1000));
  const rate = options.votes / (durationMs / 1000);
  const schedule = faultSchedule(faults, durationMs);

  const dataDir = resolve(options.dataDir ?? mkdtempSync(join(tmpdir(), "landslide-chaos-")));
  let stack: DrillStack | undefined;
  let ok = false;
  const cleanups: Array<() => unknown> = [];
  // Stopped from outside (SIGTERM, or SIGINT not from a terminal): the stack goes too, not left running.
  const onSignal = (signal: NodeJS.Signals) =>
    void (stack?.stop() ?? Promise.resolve()).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  try {
    stack = await ui.step(`Starting the drill's own local stack in ${dataDir}`, () =>
      startDrillStack({ dataDir, services: options.services, inherit: options.inherit }),
    );
    const startedSeconds = seconds(performance.now() - began);
    const drill = stack;
    const { urls, cognito } = stackDeployment(drill);
    const { official, election } = await ui.step("Creating and opening the drill's election", async () => {
      const official = await signInOfficial(drill);
      return { official, election: await openDrillElection(official, new Date()) };
    });
    const reader = createLandslideClient({
      urls,
      cognito: { region: cognito.region, endpoint: cognito.endpoint, clientId: "public" },
      userAgent: "landslide-cli (chaos drill)",
    });
    const table = votesTable({
      region: drill.config.aws.region,
      endpoint: drill.urls["dynamodb-local"]!,
      tablePrefix: drill.config.aws.tablePrefix,
    });
    cleanups.push(() => table.close());

    const preparingFrom = performance.now();
    const voterClientId = cognito.clientIds["voter-web"];
    if (!voterClientId) throw new Error("The drill's user pool has no app client for the voter site.");
    let preparing: ProgressBar | undefined;
    const ready = await prepareDrillVoters(
      urls,
      {
        cognito: { region: cognito.region, endpoint: cognito.endpoint, clientId: voterClientId },
        userPoolId: cognito.userPoolId,
      },
      async (accounts) => {
        // One write, then cognito-local restarted to read it (nothing else writes the pool meanwhile).
        await ui.step(`Importing ${accounts.length} voters into the drill's user pool`, async () => {
          importCognitoLocalAccounts(join(drill.layout.data, "cognito"), cognito.userPoolId, accounts);
          await drill.restart("cognito-local");
        });
        preparing = ui.progress("voters ready (signed in, device registered, human check solved)", options.votes);
      },
      join(dataDir, "chaos"),
      options.votes,
      options.prepareConcurrency,
      (done) => preparing?.update(done),
    );
    preparing?.stop();
    const preparedSeconds = seconds(performance.now() - preparingFrom);

    const relay = await cuttableProxy(urls.results);
    cleanups.push(() => relay.close());
    const live = watchLiveResults(
      options.watchers,
      urls,
      relay.url,
      { region: cognito.region, endpoint: cognito.endpoint },
      election.id,
    );
    cleanups.push(() => live.stop());
    await ui.step(`Opening ${options.watchers} live-results watchers`, () =>
      until(60_000, () => live.allStartedSince(0), "the live-results watchers did not connect within 60 s"),
    );

    const targets: FaultTargets = {
      pidOf: (name) => drill.pidOf(name),
      healthUrl: (service) => `${drill.urls[service]}/healthz`,
      dynamodbAnswers: () => table.answers(),
      cutWatchers: () => relay.cut(),
      watchersStartedSince: (sinceMs) => live.allStartedSince(sinceMs),
      lastSnapshotAt: () => Math.max(-1, ...live.watchers.map((w) => w.snapshots.at(-1)?.atMs ?? -1)),
    };
    const casting = ui.progress(`casts answered, ${schedule.length} faults injected meanwhile`, options.votes);
    const loadStart = performance.now();
    const records: FaultRecord[] = [];
    const injecting = (async () => {
      for (const planned of schedule) {
        const wait = loadStart + planned.atMs - performance.now();
        if (wait > 0) await sleep(wait);
        records.push(await injectFault(planned, targets, loadStart));
      }
    })();
    // Both run to their end even if one fails: a fault still waiting for recovery is not abandoned mid-way.
    const [load, injected] = await Promise.allSettled([
      castDrillLoad(ready, election, rate, options.maxInFlight, (done) => casting?.update(done)),
      injecting,
    ]);
    casting?.stop();
    if (load.status === "rejected") throw load.reason;
    if (injected.status === "rejected") throw injected.reason;
    const { run, acknowledged } = load.value;
    const held = (await table.scan(election.id)).filter((v) => v.state === "quarantined").map((v) => v.voterKey);
    const released =
      held.length === 0
        ? 0
        : await ui.step(`Releasing ${held.length} ballots the risk checks held`, () =>
            releaseHeldBallots(official, election.id, held),
          );
    // The live results are held to the bound from here: the last fault over, the last cast answered.
    const sinceMs = performance.now();

    const settle = async () => {
      const wait = Math.max(2 * options.convergeWithinMs, 60_000);
      let stored = await table.scan(election.id);
      while (
        !live.watchers.every((w) => sameCounters(w.snapshots.at(-1)?.counters ?? {}, countStoredVotes(stored))) &&
        performance.now() - sinceMs < wait
      ) {
        await sleep(1_000);
        stored = await table.scan(election.id);
      }
      return stored;
    };
    await ui.step("Waiting for the live results to show every stored vote", settle);
    const { bundle, auditKeyId } = await ui.step("Closing the election and fetching its audit bundle", async () => {
      await closeElection(official, election.id);
      return fetchAuditBundle(reader, election.id);
    });
    // The archive as the drill's stack wrote it: its own local S3 and bucket.
    const archive = await ui.step("Comparing the bundle with the write-once archive (S3, Object Lock)", () =>
      compareBundleWithArchive(drill.config, bundle),
    );
    const pool = createBatchCryptoPool();
    const verification = await ui.step(
      `Verifying ${bundle.records.length} audit records, ${bundle.epochs.length} epochs, ${bundle.ballots.length} ballots (election audit verify)`,
      () =>
        verifyBundle(
          { sha256: nodeEntropy.sha256, verifyEd25519, expectedAuditKeyId: auditKeyId, batch: pool },
          bundle,
        ).finally(() => pool.close()),
    );
    // Voting has stopped: the reads from here are final, and everything is checked against them (a
    // write that landed after the first settle would show here, in the watchers and the tally alike).
    const stored: StoredVote[] = await ui.step(
      "Reading every stored vote and waiting for the watchers to agree",
      settle,
    );
    const expected = countStoredVotes(stored);
    const recount = await ui.step("Recounting the stored votes (election elections recount)", () =>
      recountElection(official, election.id),
    );
    const liveTally = liveCounters(await reader.results.results.snapshot.query({ electionId: election.id }));

    const invariants: Invariant[] = [
      receiptsStored(acknowledged, stored),
      tallyRecountStoredAgree(liveTally, recount, expected),
      noDoubleCount(stored, liveTally[TURNOUT] ?? 0, acknowledged),
      auditChainVerifies(
        verification,
        archive,
        bundle.ballots.map((b) => b.receiptId),
        acknowledged,
      ),
      liveResultsConverge(live.watchers, expected, sinceMs, options.convergeWithinMs),
    ];
    // Stopped here rather than only in `finally`, so the report can say whether it stopped cleanly:
    // `local up` must stop the DynamoDB Local it restarted, and every service it restarted.
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    const stopped = await drill.stop();
    const counts = faultCounts(records, schedule.length);
    ok = invariants.every((i) => i.ok) && counts.failed === 0;
    const outcome = (kind: string) => run.records.filter((r) => r.outcome.kind === kind).length;
    const refused: Record<string, number> = {};
    const unanswered: Record<string, number> = {};
    for (const { outcome } of run.records) {
      if (outcome.kind === "refused") refused[outcome.reason] = (refused[outcome.reason] ?? 0) + 1;
      if (outcome.kind === "unanswered") unanswered[outcome.message] = (unanswered[outcome.message] ?? 0) + 1;
    }
    return {
      ok,
      machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? "unknown" },
      stack: {
        dataDir,
        kept: options.dataDir !== undefined || options.keepData || !ok,
        services: options.services,
        startedSeconds,
        stoppedCleanly: stopped.cleanly,
      },
      election: { id: election.id, title: election.title },
      load: {
        votes: options.votes,
        rate: Math.round(rate * 100) / 100,
        durationSeconds: seconds(durationMs),
        preparedSeconds,
        acknowledged: acknowledged.length,
        accepted: acknowledged.filter((a) => a.decision !== "quarantined").length,
        quarantined: acknowledged.filter((a) => a.decision === "quarantined").length,
        released,
        notAcknowledged: { refused, shed: outcome("shed"), unanswered: outcome("unanswered"), why: unanswered },
        attempts: run.attempts,
        elapsedSeconds: seconds(run.elapsedMs),
      },
      faults: records,
      faultCounts: counts,
      invariants,
      elapsedSeconds: seconds(performance.now() - began),
    };
  } catch (error) {
    // A refusal before anything started (LocalStackError) has no logs to point to.
    if (error instanceof Error && !(error instanceof LocalStackError))
      error.message += `\nThe drill's folder is kept, with the services' logs: ${dataDir}`;
    throw error;
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
    await stack?.stop();
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
    // A folder of its own is removed once everything held; kept (its logs) when anything failed.
    if (options.dataDir === undefined && ok && !options.keepData) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function until(ms: number, condition: () => boolean, failure: string): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(failure);
    await sleep(100);
  }
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
