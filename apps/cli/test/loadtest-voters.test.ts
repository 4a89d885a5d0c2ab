import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@landslide/local-stack";
import { DEMO_ELECTION_ID, type ResultsSnapshot } from "@landslide/vote-engine";
import { type CliDeployment, json, oneLine, startCliDeployment } from "./cli-deployment";

/**
 * Voter rolls and load tests from the terminal, end to end: an official imports a roll from a
 * spreadsheet's CSV; `election loadtest` creates its simulated voters through the admin API (as
 * provisioning creates accounts), signs them in through the SDK (real tokens, device proofs,
 * human checks) and casts, and its report is checked against the tally the results service shows.
 */

const OFFICIAL = "official@demo.landslide.test";
const voter = (n: number) => `loadtest-${String(n).padStart(6, "0")}@loadtest.landslide.test`;

let cli: CliDeployment;
/** What loadtest needs beyond the official's profile: the voter app client, and the user pool it creates its voters in. */
let loadtestEnv: NodeJS.ProcessEnv;

interface LoadReport {
  voters: { total: number; created: number; reused: number; bots: number; preparedSeconds: number };
  plan: { rate: number; durationSeconds: number; casts: number };
  outcomes: {
    accepted: number;
    quarantined: number;
    refused: Record<string, number>;
    shed: number;
    unanswered: number;
  };
  attempts: { sent: number; shed: number; unavailable: number; unanswered: number; rechecked: number };
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  throughput: number;
  machine: { cores: number };
  tally: { ok: boolean; before: { turnout: number }; after: { turnout: number; quarantined: number } };
}

beforeAll(async () => {
  // This machine trusted as the proxy, as the load test tells operators to start the stack, so each simulated voter has its own address.
  cli = await startCliDeployment("loadtest-cli", { LANDSLIDE_TRUSTED_PROXIES: "127.0.0.1" });
  loadtestEnv = {
    LANDSLIDE_COGNITO_VOTER_CLIENT_ID: cli.stack.provisioned.clientIds["voter-web"],
    LANDSLIDE_COGNITO_USER_POOL_ID: cli.stack.provisioned.userPoolId,
  };
  const login = await cli.electionWithStdin(
    ["login", "--email", OFFICIAL, "--password-stdin"],
    `${cli.password(OFFICIAL)}\n`,
  );
  expect(login.code, login.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  await cli?.stop();
});

describe("election voters import", () => {
  let electionId: string;

  it("imports a spreadsheet's roll: refused rows listed by their row number, the rest imported, again harmlessly; a file without a roll column is a usage error", async () => {
    const ballot = {
      title: "Allotment Society Vote",
      eligibility: "voter-roll",
      questions: [
        {
          id: "hedge",
          kind: "single",
          prompt: "Plant the new hedge?",
          options: [
            { id: "yes", label: "Yes" },
            { id: "no", label: "No" },
          ],
        },
      ],
    };
    writeFileSync(join(cli.scratch, "ballot.json"), JSON.stringify(ballot));
    const created = await cli.election([
      "elections",
      "create",
      "--file",
      join(cli.scratch, "ballot.json"),
      "--reason",
      "AGM motion 4",
      "--json",
    ]);
    expect(created.code, created.stderr).toBe(0);
    electionId = json<{ id: string }>(created).id;

    // Semicolons, as many European spreadsheets write CSV; a blank row; the address in another case.
    const roll = [
      "Name;Email;Plot",
      `Ada;${voter(1)};12`,
      "Bo;not-an-address;14",
      ";;",
      `Cy;${voter(2).toUpperCase()};15`,
      "",
    ].join("\r\n");
    writeFileSync(join(cli.scratch, "roll.csv"), roll);
    writeFileSync(join(cli.scratch, "no-roll.csv"), "Name,Plot\nAda,12\n");
    const args = ["voters", "import", electionId, "--file", join(cli.scratch, "roll.csv")];
    const [first, noColumn] = await Promise.all([
      cli.election([...args, "--json"]),
      cli.election(["voters", "import", electionId, "--file", join(cli.scratch, "no-roll.csv")]),
    ]);
    expect(first.code, first.stderr).toBe(1);
    const report = json<{
      rows: number;
      imported: number;
      errors: Array<{ row: number; message: string }>;
      ignoredColumns: string[];
      blankRows: number;
    }>(first);
    expect(report).toMatchObject({ rows: 3, imported: 2, ignoredColumns: ["Name", "Plot"], blankRows: 1 });
    expect(report.errors.map((e) => e.row)).toEqual([3]);
    expect(noColumn.code).toBe(2);
    expect(oneLine(noColumn.stderr)).toMatch(/no-roll\.csv: Row 1 must be a header naming an “email” column/);

    const again = await cli.election(args);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^Imported 2 of 3 rows of .*roll\.csv into the roll of Allotment Society Vote\.$/m);
    expect(again.stdout).toMatch(/^ {2}ROW +PROBLEM$/m);
    expect(again.stdout).toMatch(/^ {4}3 +\S/m);
  });

  it("load-tests the roll: the two voters on it are counted once each, the one not on it refused every time, and the tally check passes", async () => {
    const opened = await cli.election(["elections", "open", electionId, "--reason", "polls open"]);
    expect(opened.code, opened.stderr).toBe(0);
    const run = await cli.election(
      ["loadtest", "--election", electionId, "--voters", "3", "--rate", "6", "--duration", "1s"],
      loadtestEnv,
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^ {2}voters +3: 3 created, 0 reused, 0 bots$/m);
    expect(run.stdout).toMatch(/^ {2}accepted +2$/m);
    expect(run.stdout).toMatch(/^ {2}refused +(2 NOT_ELIGIBLE, 2 ALREADY_VOTED|2 ALREADY_VOTED, 2 NOT_ELIGIBLE)$/m);
    expect(run.stdout).toMatch(/^ {2}tally +PASS: counted 2 for 2 accepted, held 0 for 0 quarantined/m);
    expect(run.stdout).toMatch(/^ {2}latency +p50 [\d.]+ ms, p95 [\d.]+ ms, p99 [\d.]+ ms/m);
  });
});

describe("election loadtest", () => {
  it("casts at the rate with humans and bots, holds the bots, refuses second attempts, and the report equals the tally", async () => {
    const run = await cli.election(
      [
        "loadtest",
        "--election",
        DEMO_ELECTION_ID,
        "--voters",
        "12",
        "--rate",
        "12",
        "--duration",
        "2s",
        "--bots",
        "0.25",
        "--json",
      ],
      loadtestEnv,
    );
    expect(run.code, run.stderr).toBe(0);
    const report = json<LoadReport>(run);
    // The first three signed up in the roll test above and are signed in again.
    expect(report.voters).toEqual({ total: 12, created: 9, reused: 3, bots: 3, preparedSeconds: expect.any(Number) });
    expect(report.plan).toEqual({ rate: 12, durationSeconds: 2, casts: 24 });
    expect(report.outcomes).toEqual({
      accepted: 9,
      quarantined: 3,
      refused: { ALREADY_VOTED: 12 },
      shed: 0,
      unanswered: 0,
    });
    // Every attempt beyond the 24 casts is a retry the SDK counted as it sent it.
    expect(report.attempts.sent).toBe(
      24 + report.attempts.shed + report.attempts.unavailable + report.attempts.unanswered + report.attempts.rechecked,
    );
    expect(report.tally).toMatchObject({
      ok: true,
      after: { turnout: report.tally.before.turnout + 9, quarantined: 3 },
    });
    expect(report.latencyMs.p50).toBeGreaterThan(0);
    expect(report.latencyMs.p99).toBeGreaterThanOrEqual(report.latencyMs.p50);
    expect(report.machine.cores).toBeGreaterThan(0);

    const results = await cli.election(["results", DEMO_ELECTION_ID, "--json"]);
    expect(json<ResultsSnapshot>(results)).toMatchObject({ turnout: report.tally.after.turnout, quarantined: 3 });
  });

  it("says in one line what is wrong with its flags, which election to pick, and what it cannot reach", async () => {
    const gone = `http://127.0.0.1:${await freePort()}`;
    const [duration, bots, ambiguous, unreachable] = await Promise.all([
      cli.election(["loadtest", "--duration", "soon"], loadtestEnv),
      cli.election(["loadtest", "--bots", "1.5"], loadtestEnv),
      cli.election(["loadtest", "--voters", "1"], loadtestEnv),
      cli.election(["loadtest", "--voters", "1"], { ...loadtestEnv, LANDSLIDE_RESULTS_URL: gone }),
    ]);
    expect(duration.code).toBe(2);
    expect(oneLine(duration.stderr)).toMatch(/--duration soon is not a duration: write 20s, 2m or 1500ms\./);
    expect(bots.code).toBe(2);
    expect(oneLine(bots.stderr)).toMatch(/--bots 1\.5 is not a fraction from 0 to 1/);
    expect(ambiguous.code).toBe(2);
    expect(oneLine(ambiguous.stderr)).toMatch(/2 elections are open; pick one with --election: /);
    expect(unreachable.code).toBe(4);
    expect(oneLine(unreachable.stderr)).toMatch(/Cannot reach the results service at http:\/\/127\.0\.0\.1:\d+/);
  });
});
