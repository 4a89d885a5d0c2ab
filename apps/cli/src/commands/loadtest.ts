import { availableParallelism, cpus } from "node:os";
import { Errors, Flags } from "@oclif/core";
import { createLandslideClient } from "@landslide/api/client";
import { loadConfig } from "@landslide/config";
import { BaseCommand } from "../lib/base-command";
import { mapConcurrently } from "../lib/concurrently";
import { count, facts } from "../lib/format";
import { parseDuration } from "../lib/loadtest/duration";
import { percentiles } from "../lib/loadtest/latency";
import { type CastRecord, pacedCasts } from "../lib/loadtest/paced-casts";
import { randomBallot } from "../lib/loadtest/random-ballot";
import {
  castOnce,
  prepareVoter,
  type ReadyVoter,
  type ServiceUrls,
  voterClient,
} from "../lib/loadtest/simulated-voter";
import { checkTally, readTally } from "../lib/loadtest/tally-check";
import { signInOrCreate, testVoterAdmin, testVoters, type TestVoterPool } from "../lib/loadtest/test-voters";
import { stackLayout } from "../lib/local-stack/layout";
import { readRunFile } from "../lib/local-stack/run-file";
import { deploymentFromConfig } from "../lib/profiles";
import { progressBar } from "../lib/progress-bar";
import { EXIT, reachOrExplain } from "../lib/public-client";
import { withSpinner } from "../lib/spinner";

export default class Loadtest extends BaseCommand {
  static override summary =
    "Cast ballots at a steady rate with simulated voters, and check that the tally equals what was accepted.";
  static override description = [
    "Creates the test voters it needs (loadtest-000001@loadtest.landslide.test and on; a later run signs the same ones in again), signs each in with a real token, registers its device key and solves a real human check for every ballot it will cast — all before the clock starts. Then it sends --rate casts a second for --duration, each at its moment whether or not earlier ones were answered. Arrival k is voter k modulo --voters: once every voter has cast, the later casts are second attempts by the same people (new idempotency keys), which the platform must refuse, so a run longer than voters/rate also tests one vote per person under load.",
    "Voters come from their own IPv6 /64 each; --bots makes that fraction of them bots (no browser's user agent, all from one /24), which the risk checks should hold for review. Addresses travel in X-Forwarded-For, which the services believe only from a trusted proxy: start the stack with LANDSLIDE_TRUSTED_PROXIES=127.0.0.1 (for example 'LANDSLIDE_TRUSTED_PROXIES=127.0.0.1 election local up'), or every voter is this machine's one address and the per-network limit refuses most casts as RATE_LIMITED.",
    "Casts go through the SDK as the voter site sends them: an attempt the vote API sheds (503 OVERLOADED, past what it serves in time) or leaves unanswered is sent again with the same idempotency key after a jittered back-off, for up to 15 s. Voters are prepared (created when new, signed in, device registered, human checks solved) --prepare-concurrency at a time.",
    "The report: accepted, quarantined and refused by reason; casts still shed when the SDK stopped retrying, and attempts shed, counted one by one; latency p50/p95/p99 of the casts (retries included); throughput; and the tally check (exit 1 if it fails or a cast went unanswered). The tally check is exact only while nobody else votes in the election. Voters are created as provisioning creates accounts, through Cognito's admin API with your AWS credentials (the local stack's without configuration), in the pool LANDSLIDE_COGNITO_USER_POOL_ID names (the running local stack's by default).",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %> --election 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --voters 500 --rate 100 --duration 20s",
    "<%= config.bin %> <%= command.id %> --voters 2000 --rate 400 --duration 30s --bots 0.05 --json",
  ];
  static override flags = {
    election: Flags.string({ char: "e", description: "the open election to vote in (default: the only open one)" }),
    voters: Flags.integer({ char: "n", description: "how many simulated voters", default: 100, min: 1, max: 100_000 }),
    rate: Flags.integer({ char: "r", description: "casts per second", default: 50, min: 1, max: 100_000 }),
    duration: Flags.string({ char: "d", description: "how long to cast: 20s, 2m, 1500ms", default: "10s" }),
    bots: Flags.string({ description: "the fraction of voters that are bots, from 0 to 1", default: "0" }),
    "max-in-flight": Flags.integer({
      description: "casts waiting for an answer at most at once",
      default: 256,
      min: 1,
    }),
    "prepare-concurrency": Flags.integer({
      description: "voters prepared at once before the clock starts (account, sign-in, device, human checks)",
      default: 16,
      min: 1,
      max: 256,
    }),
  };

  async run() {
    const { flags } = await this.parse(Loadtest);
    const durationMs = parseDuration(flags.duration);
    if (durationMs === undefined)
      throw new Errors.CLIError(`--duration ${flags.duration} is not a duration: write 20s, 2m or 1500ms.`, {
        exit: EXIT.usage,
      });
    const botShare = Number(flags.bots);
    if (!(botShare >= 0 && botShare <= 1))
      throw new Errors.CLIError(
        `--bots ${flags.bots} is not a fraction from 0 to 1 (0.1 makes every tenth voter a bot).`,
        { exit: EXIT.usage },
      );

    const { urls, pool } = this.deployment();
    const reader = createLandslideClient({ urls, cognito: pool.cognito, userAgent: "landslide-cli" });
    const election = await withSpinner("Reading the election", () =>
      reachOrExplain("the results service", urls.results, () => this.openElection(reader, flags.election)),
    );

    const attempts = Math.max(1, Math.round((flags.rate * durationMs) / 1000));
    const voting = Math.min(flags.voters, attempts);
    const isBot = (i: number) => Math.floor((i + 1) * botShare) > Math.floor(i * botShare);
    const castsOf = (i: number) => Math.floor((attempts - 1 - i) / flags.voters) + 1;
    const voters = testVoters(this.config.configDir, voting);
    const quiet = this.jsonEnabled();

    const preparingFrom = performance.now();
    const preparing = quiet
      ? undefined
      : progressBar("voters ready (signed in, created first when new; device registered; human checks solved)", voting);
    let created = 0;
    let prepared = 0;
    const admin = testVoterAdmin(pool);
    let ready: ReadyVoter[];
    try {
      // Each voter's steps in order, many voters at once: one voter's sign-in waits on Cognito
      // while another's registration waits on the vote API and a third's checks are solved here.
      ready = await mapConcurrently(voters, flags["prepare-concurrency"], async (voter) => {
        const sdk = await voterClient(urls, pool, voter, isBot(voter.index));
        if (
          await reachOrExplain("Cognito", pool.cognito.endpoint ?? pool.cognito.region, () =>
            signInOrCreate(sdk.auth, admin, voter),
          )
        )
          created++;
        const one = await reachOrExplain("the vote API", urls.voteApi, () =>
          prepareVoter(sdk, voter, isBot(voter.index), castsOf(voter.index)),
        );
        preparing?.update(++prepared);
        return one;
      });
    } finally {
      admin.close();
    }
    preparing?.stop();
    const preparedInMs = performance.now() - preparingFrom;

    const before = await readTally(reader, election.id);
    const casting = quiet ? undefined : progressBar("casts answered", attempts);
    const run = await pacedCasts(
      attempts,
      flags.rate,
      flags["max-in-flight"],
      (k, onFailedAttempt) => castOnce(ready[k % flags.voters]!, election.id, randomBallot(election), onFailedAttempt),
      (done) => casting?.update(done),
    );
    casting?.stop();

    const tally = (kind: string) => run.records.filter((r) => r.outcome.kind === kind).length;
    const outcomes = {
      accepted: tally("accepted"),
      quarantined: tally("quarantined"),
      refused: refusedByReason(run.records),
      shed: tally("shed"),
      unanswered: tally("unanswered"),
    };
    const check = await withSpinner("Waiting for the tally to count every accepted vote", () =>
      checkTally(reader, election.id, before, { turnout: outcomes.accepted, quarantined: outcomes.quarantined }),
    );
    const report = {
      election: { id: election.id, title: election.title },
      machine: { cores: availableParallelism(), cpu: cpus()[0]?.model ?? "unknown" },
      voters: {
        total: voting,
        created,
        reused: voting - created,
        bots: voters.filter((v) => isBot(v.index)).length,
        preparedSeconds: Math.round(preparedInMs) / 1000,
      },
      plan: { rate: flags.rate, durationSeconds: durationMs / 1000, casts: attempts },
      outcomes,
      attempts: run.attempts,
      latencyMs: percentiles(run.records.map((r) => r.latencyMs)),
      lateMs: percentiles(run.records.map((r) => r.lateMs)).max,
      elapsedSeconds: Math.round(run.elapsedMs) / 1000,
      throughput: Math.round((run.records.length / run.elapsedMs) * 1000 * 10) / 10,
      tally: check,
    };
    if (!quiet) this.printReport(report, flags.voters);
    if (!check.ok || outcomes.unanswered > 0) process.exitCode = EXIT.failed;
    return report;
  }

  /** The services, the voter app client and the user pool (the configuration's, or the running local stack's). */
  private deployment(): { urls: ServiceUrls; pool: TestVoterPool } {
    const { urls, cognito } = deploymentFromConfig("voter-web");
    const config = loadConfig();
    const userPoolId =
      config.cognito.userPoolId ?? readRunFile(stackLayout(config.dataDir).runFile)?.cognito?.userPoolId;
    if (!userPoolId)
      throw new Errors.CLIError(
        "No Cognito user pool to create the test voters in: start the local stack with 'npm run dev', or set LANDSLIDE_COGNITO_USER_POOL_ID.",
        { exit: EXIT.failed },
      );
    return { urls, pool: { cognito, userPoolId } };
  }

  private async openElection(reader: ReturnType<typeof createLandslideClient>, wanted: string | undefined) {
    const open = (await reader.results.elections.list.query()).filter((e) => e.status === "open");
    if (wanted) {
      const found = open.find((e) => e.id === wanted.toLowerCase());
      if (!found)
        throw new Errors.CLIError(
          `No open election has the id ${wanted}: 'election elections list' shows each one's status.`,
          { exit: EXIT.refused },
        );
      return found;
    }
    if (open.length === 1) return open[0]!;
    if (open.length === 0)
      throw new Errors.CLIError("No election is open: open one with 'election elections open ID --reason …'.", {
        exit: EXIT.refused,
      });
    throw new Errors.CLIError(
      `${open.length} elections are open; pick one with --election: ${open.map((e) => `${e.id} (${e.title})`).join(", ")}.`,
      { exit: EXIT.usage },
    );
  }

  private printReport(report: Report, requestedVoters: number): void {
    const { outcomes, latencyMs: l, tally } = report;
    const refused =
      Object.entries(outcomes.refused)
        .map(([reason, n]) => `${n} ${reason}`)
        .join(", ") || "0";
    const short =
      requestedVoters > report.voters.total
        ? ` (only ${report.voters.total} of the ${requestedVoters} voters got to cast in the duration)`
        : "";
    this.log(
      `\nLoad test of ${report.election.title} on ${count(report.machine.cores, "core")} (${report.machine.cpu})`,
    );
    this.log(
      facts(
        [
          [
            "voters",
            `${report.voters.total}: ${report.voters.created} created, ${report.voters.reused} reused, ${count(report.voters.bots, "bot")}${short}`,
          ],
          ["prepared", `${report.voters.total} voters in ${report.voters.preparedSeconds} s`],
          [
            "casts",
            `${report.plan.casts} at ${report.plan.rate}/s over ${report.plan.durationSeconds} s; all answered in ${report.elapsedSeconds} s (sent at most ${Math.round(report.lateMs)} ms late)`,
          ],
          ["accepted", String(outcomes.accepted)],
          ["quarantined", String(outcomes.quarantined)],
          ["refused", refused],
          [
            "shed",
            `${outcomes.shed} casts still shed when the SDK stopped retrying; ${report.attempts.shed} of ${report.attempts.sent} attempts answered 503 OVERLOADED`,
          ],
          [
            "retried",
            `${report.attempts.sent - report.plan.casts} attempts sent again with the same idempotency key (${report.attempts.shed} shed, ${report.attempts.unavailable} unavailable, ${report.attempts.unanswered} unanswered before, ${report.attempts.rechecked} with a new human check)`,
          ],
          ["unanswered", String(outcomes.unanswered)],
          ["latency", `p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms`],
          ["throughput", `${report.throughput} casts/s answered`],
          [
            "tally",
            `${tally.ok ? "PASS" : "FAIL"}: counted ${tally.after.turnout - tally.before.turnout} for ${outcomes.accepted} accepted, held ${tally.after.quarantined - tally.before.quarantined} for ${outcomes.quarantined} quarantined (settled ${tally.settledInMs} ms after the last answer)`,
          ],
        ],
        "  ",
      ),
    );
  }
}

type Report = Awaited<ReturnType<Loadtest["run"]>>;

function refusedByReason(records: readonly CastRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { outcome } of records)
    if (outcome.kind === "refused") counts[outcome.reason] = (counts[outcome.reason] ?? 0) + 1;
  return counts;
}
