import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { freePort } from "@landslide/local-stack";
import { createDynamoDbClient, DynamoDbElectionCopies, tableNames } from "@landslide/vote-engine/dynamodb";
import { connectControlPlane, ElectionsRepository } from "@landslide/vote-engine/postgres";
import type { ResultsSnapshot } from "@landslide/vote-engine";
import { type CliDeployment, json, oneLine, startCliDeployment } from "./cli-deployment";

/**
 * The officials' commands end to end: the real `election` binary against a real deployment
 * (the four services on free ports, Cognito from the test run's cognito-local), as an official
 * would use them, from signing in to certifying.
 */

const bin = fileURLToPath(new URL("../bin/run.js", import.meta.url));
const OFFICIAL = "official@demo.landslide.test";
let cli: CliDeployment;
/** Where `election login` keeps the official's profile. */
let configDir: string;
let electionId: string;

const ballot = {
  title: "Harbour District Referendum",
  description: "Two questions.",
  allowAbstain: true,
  questions: [
    {
      id: "ferry",
      kind: "single",
      prompt: "Keep the night ferry?",
      options: [
        { id: "yes", label: "Yes" },
        { id: "no", label: "No" },
      ],
    },
    {
      id: "harbourmaster",
      kind: "ranked",
      prompt: "Rank the candidates",
      minChoices: 1,
      maxChoices: 3,
      options: [
        { id: "ines", label: "Ines" },
        { id: "tomas", label: "Tomas" },
        { id: "wen", label: "Wen" },
      ],
    },
  ],
};

const file = (name: string, content: string) => {
  const path = join(cli.scratch, name);
  writeFileSync(path, content);
  return path;
};

/** `election` as an official runs it: signed in through the profiles in `configDir`, unless told another. */
const election = (args: readonly string[], more: NodeJS.ProcessEnv = {}) => cli.election(args, more);
const electionWithStdin = (args: readonly string[], input: string) => cli.electionWithStdin(args, input);

/** A profiles file of its own (so parallel commands never write the same file), holding one profile. */
function configWith(name: string, profile: unknown): NodeJS.ProcessEnv {
  const dir = join(cli.scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "profiles.json"), JSON.stringify({ profiles: { default: profile } }), { mode: 0o600 });
  return { ELECTION_CONFIG_DIR: dir };
}
const signedInProfile = () =>
  (
    JSON.parse(readFileSync(join(configDir, "profiles.json"), "utf8")) as {
      profiles: { default: { deployment: { urls: object }; session: object } };
    }
  ).profiles.default;

beforeAll(async () => {
  cli = await startCliDeployment("official-cli");
  configDir = cli.env.ELECTION_CONFIG_DIR!;
}, 120_000);
afterAll(async () => {
  await cli?.stop();
});

describe("election login, whoami", () => {
  it("signs an official in with the password on stdin, keeps the session in an owner-only profile, and says who is signed in", async () => {
    const password = cli.password(OFFICIAL);
    const login = await electionWithStdin(
      ["login", "--email", OFFICIAL, "--password-stdin", "--json"],
      `${password}\n`,
    );
    expect(login.code, login.stderr).toBe(0);
    expect(json(login)).toMatchObject({
      profile: "default",
      email: OFFICIAL,
      groups: ["officials"],
      deployment: { urls: { controlApi: cli.deployment.urls.controlApi } },
    });
    expect(statSync(join(configDir, "profiles.json")).mode & 0o777).toBe(0o600);

    const [whoami, wrong] = await Promise.all([
      election(["whoami", "--json"]),
      electionWithStdin(
        ["login", "--profile", "typo", "--email", OFFICIAL, "--password-stdin"],
        "not-the-password-1A\n",
      ),
    ]);
    expect(whoami.code, whoami.stderr).toBe(0);
    const me = json<{ email: string; groups: string[]; profile: string; expiresAt: string }>(whoami);
    expect(me).toMatchObject({ email: OFFICIAL, groups: ["officials"], profile: "default" });
    expect(Date.parse(me.expiresAt)).toBeGreaterThan(Date.now());
    expect(wrong.code).toBe(3);
    expect(oneLine(wrong.stderr)).toMatch(/The e-mail address or password is not right\. \(INVALID_CREDENTIALS\)/);
  });
});

describe("election elections", () => {
  it("creates an election from a ballot file, opens it, and lists it as open; a bad file, an unknown id and an unreachable API are one line each", async () => {
    const created = await election([
      "elections",
      "create",
      "--file",
      file("ballot.json", JSON.stringify(ballot, null, 2)),
      "--reason",
      "council resolution 12/2026",
      "--json",
    ]);
    expect(created.code, created.stderr).toBe(0);
    const draft = json<{ id: string; status: string; title: string }>(created);
    expect(draft).toMatchObject({ status: "draft", title: ballot.title });
    electionId = draft.id;

    const badBallot = {
      ...ballot,
      questions: [
        ballot.questions[0],
        {
          ...ballot.questions[1],
          options: [
            { id: "Wen!", label: "Wen" },
            { id: "ines", label: "Ines" },
          ],
        },
      ],
    };
    const badText = JSON.stringify(badBallot, null, 2);
    const badFile = file("bad-ballot.json", badText);
    // Where the bad id is, as an editor counts: line and column, from 1.
    const before = badText.slice(0, badText.indexOf('"Wen!"'));
    const badAt = `${before.split("\n").length}:${before.length - before.lastIndexOf("\n")}`;
    const profile = signedInProfile();
    const gone = configWith("gone", {
      ...profile,
      deployment: {
        ...profile.deployment,
        urls: { ...profile.deployment.urls, controlApi: `http://127.0.0.1:${await freePort()}` },
      },
    });
    const [bad, unknown, unreachable, opened] = await Promise.all([
      election(["elections", "create", "--file", badFile, "--reason", "council resolution 12/2026"]),
      election(["elections", "open", "00000000-0000-4000-8000-000000000000", "--reason", "polls open"]),
      election(["elections", "list"], gone),
      election(["elections", "open", electionId, "--reason", "polls open", "--json"]),
    ]);
    expect(bad.code).toBe(2);
    expect(oneLine(bad.stderr)).toContain(
      `bad-ballot.json:${badAt}: questions[1].options[0].id: Invalid string: must match pattern`,
    );
    expect(unknown.code).toBe(3);
    expect(oneLine(unknown.stderr)).toMatch(
      /There is no such election \(ELECTION_NOT_FOUND\)\. List the elections with 'election elections list'\./,
    );
    expect(unreachable.code).toBe(4);
    expect(oneLine(unreachable.stderr)).toMatch(
      /Cannot reach the control API at http:\/\/127\.0\.0\.1:\d+ \(profile default\)/,
    );
    expect(opened.code, opened.stderr).toBe(0);
    expect(json(opened)).toEqual({ electionId, from: "draft", to: "open", effectiveAt: expect.any(String) });

    const [list, show] = await Promise.all([
      election(["elections", "list", "--json"]),
      election(["elections", "show", electionId]),
    ]);
    expect(list.code, list.stderr).toBe(0);
    const listed = json<{ elections: Array<{ id: string }> }>(list).elections.find((e) => e.id === electionId);
    expect(listed).toMatchObject({ status: "open", turnout: 0, title: ballot.title });
    expect(show.stdout).toMatch(/^ {2}status +open$/m);
    expect(show.stdout).toMatch(/2\. Rank the candidates +\[harbourmaster: ranked, rank 1 to 3\]/);
  });
});

describe("an election's passkey policy", () => {
  it("is read from the ballot file, replaced by an edit, and shown in words and in --json; an unknown policy is named by its field", async () => {
    const required = JSON.stringify({ ...ballot, title: "Harbour passkeys", passkeyPolicy: "required" }, null, 2);
    const unknownText = JSON.stringify({ ...ballot, passkeyPolicy: "sometimes" }, null, 2);
    const [created, unknown] = await Promise.all([
      election([
        "elections",
        "create",
        "--file",
        file("passkey-ballot.json", required),
        "--reason",
        "bots expected",
        "--json",
      ]),
      election([
        "elections",
        "create",
        "--file",
        file("unknown-policy.json", unknownText),
        "--reason",
        "bots expected",
      ]),
    ]);
    expect(created.code, created.stderr).toBe(0);
    const { id } = json<{ id: string }>(created);
    expect(json(created)).toMatchObject({ id, status: "draft", passkeyPolicy: "required" });

    // Refused before anything is sent, at the value's line and column, with the words that would do.
    const before = unknownText.slice(0, unknownText.indexOf('"sometimes"'));
    const at = `${before.split("\n").length}:${before.length - before.lastIndexOf("\n")}`;
    expect(unknown.code).toBe(2);
    expect(oneLine(unknown.stderr)).toContain(
      `unknown-policy.json:${at}: passkeyPolicy: must be one of "optional", "review-without" or "required".`,
    );

    const [shownJson, shown] = await Promise.all([
      election(["elections", "show", id, "--json"]),
      election(["elections", "show", id]),
    ]);
    expect(shownJson.code, shownJson.stderr).toBe(0);
    expect(json(shownJson)).toMatchObject({ id, title: "Harbour passkeys", passkeyPolicy: "required" });
    expect(shown.stdout).toMatch(/^ {2}passkeys +required: only devices with a passkey may vote$/m);

    const review = JSON.stringify({ ...ballot, title: "Harbour passkeys", passkeyPolicy: "review-without" });
    const edited = await election([
      "elections",
      "edit",
      id,
      "--file",
      file("review-ballot.json", review),
      "--reason",
      "let everyone vote, hold the rest",
    ]);
    expect(edited.code, edited.stderr).toBe(0);
    const [afterJson, after] = await Promise.all([
      election(["elections", "show", id, "--json"]),
      election(["elections", "show", id]),
    ]);
    expect(json(afterJson)).toMatchObject({ id, passkeyPolicy: "review-without" });
    expect(after.stdout).toMatch(
      /^ {2}passkeys +review-without: ballots from devices without a passkey are held for review$/m,
    );
  });
});

describe("an election's languages", () => {
  it("are read from the ballot file, kept by an edit that leaves them out, and shown (and carried in --json)", async () => {
    const translations = {
      es: {
        title: "Referéndum del distrito portuario",
        questions: { ferry: { prompt: "¿Mantener el ferry nocturno?", options: { yes: "Sí" } } },
      },
      ar: { title: "استفتاء حي الميناء" },
    };
    const translated = JSON.stringify({ ...ballot, title: "Harbour languages", language: "en", translations }, null, 2);
    const created = await election([
      "elections",
      "create",
      "--file",
      file("translated-ballot.json", translated),
      "--reason",
      "for every voter",
      "--json",
    ]);
    expect(created.code, created.stderr).toBe(0);
    const { id } = json<{ id: string }>(created);
    expect(json(created)).toMatchObject({ id, language: "en", translations });

    // An edit from a file written before translations keeps them.
    const edited = await election([
      "elections",
      "edit",
      id,
      "--file",
      file("untranslated-ballot.json", JSON.stringify({ ...ballot, title: "Harbour languages" })),
      "--reason",
      "title kept",
    ]);
    expect(edited.code, edited.stderr).toBe(0);
    const [shownJson, shown] = await Promise.all([
      election(["elections", "show", id, "--json"]),
      election(["elections", "show", id]),
    ]);
    expect(shownJson.code, shownJson.stderr).toBe(0);
    expect(json(shownJson)).toMatchObject({ id, language: "en", translations });
    expect(shown.stdout).toMatch(/^ {2}languages +en \(as written\), ar, es$/m);
  });
});

describe("election results", () => {
  it("follows the live results over SSE as newline-delimited JSON, and shows the snapshot after a vote cast through the SDK", async () => {
    const watch = watchResults(electionId);
    onTestFinished(() => void watch.stop());
    expect((await watch.line((s) => s.turnout === 0)).electionId).toBe(electionId);

    const voter = cli.client("voter-web", {
      // A program without a user agent is taken for a headless bot, and its ballot held for review.
      userAgent: "landslide-cli-test/1.0",
    });
    const email = "voter1@demo.landslide.test";
    await voter.auth.signIn(email, cli.password(email));
    const cast = await voter.castBallot({
      electionId,
      ballot: { answers: { ferry: { choices: ["yes"] }, harbourmaster: { choices: ["wen", "ines"] } } },
    });
    expect(cast.decision).toBe("accepted");

    const live = await watch.line((s) => s.turnout === 1);
    expect(live.questions[0]!.options.map((o) => o.votes)).toEqual([1, 0]);
    expect(await watch.stop()).toBe(0);

    const [snapshot, table] = await Promise.all([
      election(["results", electionId, "--json"]),
      election(["results", electionId]),
    ]);
    expect(snapshot.code, snapshot.stderr).toBe(0);
    expect(json<ResultsSnapshot>(snapshot)).toMatchObject({
      electionId,
      turnout: 1,
      quarantined: 0,
      questions: [
        {
          id: "ferry",
          options: [
            { id: "yes", votes: 1 },
            { id: "no", votes: 0 },
          ],
        },
        { id: "harbourmaster" },
      ],
    });
    expect(table.stdout).toMatch(/^Harbour District Referendum \(open\)$/m);
    expect(table.stdout).toMatch(/^ {2}Yes +1 +100\.0%$/m);
    expect(table.stdout).toMatch(/^Rank the candidates \(first preferences\)$/m);
  });
});

describe("election elections recount, export, close, certify", () => {
  it("recounts, and exports the recount as CSV row for row; then closes and certifies", async () => {
    // The short forms, as operators type them.
    const [recounted, exported] = await Promise.all([
      election(["recount", electionId, "--json"]),
      election(["export", electionId, "--format", "csv"]),
    ]);
    expect(recounted.code, recounted.stderr).toBe(0);
    const recount = json<{ votesRead: number; counters: Record<string, number>; equalsLiveTally: boolean }>(recounted);
    expect(recount).toMatchObject({ votesRead: 1, equalsLiveTally: true, differences: [] });
    expect(recount.counters["ferry#yes"]).toBe(1);

    expect(exported.code, exported.stderr).toBe(0);
    const [header, ...rows] = exported.stdout
      .trimEnd()
      .split("\r\n")
      .map((line) => line.split(","));
    expect(header).toEqual(["counter", "question_id", "question", "option_id", "option", "votes"]);
    expect(rows.map((r) => r[0])).toEqual([
      "__turnout",
      "__quarantined",
      "ferry#yes",
      "ferry#no",
      "ferry#__abstain",
      "harbourmaster#ines",
      "harbourmaster#tomas",
      "harbourmaster#wen",
      "harbourmaster#__abstain",
    ]);
    for (const [counter, , , , , votes] of rows) expect(Number(votes), counter).toBe(recount.counters[counter!] ?? 0);

    const closed = await election(["elections", "close", electionId, "--reason", "polls closed", "--json"]);
    expect(closed.code, closed.stderr).toBe(0);
    const { effectiveAt } = json<{ effectiveAt: string }>(closed);
    expect(json(closed)).toEqual({ electionId, from: "open", to: "closed", effectiveAt });
    // Voting stops a second after the close (certifying earlier is refused: the lifecycle's unit tests).
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(effectiveAt) - Date.now())));
    const certified = await election([
      "elections",
      "certify",
      electionId,
      "--reason",
      "results certified by the board",
    ]);
    expect(certified.code, certified.stderr).toBe(0);
    expect(certified.stdout).toMatch(/closed → certified/);
  });
});

describe("text from the server with terminal escapes", () => {
  it("is shown, never obeyed: list, show, recount and results print no control character, and --json keeps the text as stored", async () => {
    // The API refuses control characters now; this row is as if written before, straight into Postgres.
    const control = connectControlPlane(cli.stack.target.databaseUrl);
    onTestFinished(() => control.close());
    const id = crypto.randomUUID();
    const title = "\u001b[31mRed\u001b]0;pwned\u0007 \u202eBoard\r";
    const stored = await new ElectionsRepository(control.db).insert({
      id,
      title,
      description: "line one\nline two\u001b[2J",
      status: "draft",
      allowAbstain: true,
      eligibility: "any-signed-in-voter",
      passkeyPolicy: "optional",
      opensAt: null,
      closesAt: null,
      questions: [
        {
          id: "q",
          kind: "single",
          prompt: "\u009b2JWhich?",
          minChoices: 1,
          maxChoices: 1,
          options: [
            { id: "a", label: "\u001b[8mhidden" },
            { id: "b", label: "B\bA" },
          ],
        },
      ],
    });
    // ...and published to the data plane then, as every change is.
    const dynamodb = createDynamoDbClient({
      region: cli.stack.target.region,
      endpoint: cli.stack.target.dynamodbEndpoint,
    });
    onTestFinished(() => dynamodb.destroy());
    await new DynamoDbElectionCopies(dynamodb, tableNames(cli.stack.target.tablePrefix).elections).publish(stored);

    const [list, show, recount, results, listJson] = await Promise.all([
      election(["elections", "list"]),
      election(["elections", "show", id]),
      election(["elections", "recount", id]),
      election(["results", id]),
      election(["elections", "list", "--json"]),
    ]);
    for (const [name, run] of Object.entries({ list, show, recount, results })) {
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
      // ESC, CSI, BEL, CR, backspace and the right-to-left override: none reaches the terminal.
      expect(run.stdout + run.stderr, name).not.toMatch(/(?!\n)[\p{Cc}\u202a-\u202e\u2066-\u2069]/u);
    }
    expect(list.stdout).toContain("\\x1b[31mRed\\x1b]0;pwned\\x07 \\u202eBoard\\r");
    expect(show.stdout).toContain("\\x9b2JWhich?");
    expect(show.stdout).toMatch(/^ {2}description +line one\n +line two\\x1b\[2J$/m);
    expect(show.stdout).toContain("\\x1b[8mhidden");
    expect(show.stdout).toContain("B\\x08A");
    // The results service keeps drafts' titles to itself (the heading names the id), but shows the prompt and labels.
    expect(results.stdout).toContain("\\x9b2JWhich?");
    expect(results.stdout).toMatch(/^ {2}\\x1b\[8mhidden +0 +—$/m);
    // JSON escapes controls itself: the title comes back exactly as stored.
    expect(
      json<{ elections: Array<{ id: string; title: string }> }>(listJson).elections.find((e) => e.id === id)?.title,
    ).toBe(title);
  });
});

describe("election logout", () => {
  it("signs out, after which whoami exits 3; a login whose refresh fails has expired, also exit 3", async () => {
    const stale = configWith("stale", {
      ...signedInProfile(),
      session: { accessToken: "expired", refreshToken: "revoked", expiresAt: Date.now() - 1000 },
    });
    const [logout, expired] = await Promise.all([election(["logout"]), election(["whoami"], stale)]);
    expect(logout.code, logout.stderr).toBe(0);
    expect(logout.stdout).toMatch(/Signed out of profile default/);
    expect(expired.code).toBe(3);
    expect(oneLine(expired.stderr)).toMatch(/Your login has expired: run election login/);

    const whoami = await election(["whoami", "--json"]);
    expect(whoami.code).toBe(3);
    expect(json(whoami)).toMatchObject({ error: { message: "You are not signed in: run election login" } });
  });
});

/** `election results ID --watch --json` running in the background: its snapshots as they come, and Ctrl-C. */
function watchResults(id: string) {
  const child = spawn(process.execPath, [bin, "results", id, "--watch", "--json"], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...cli.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const snapshots: ResultsSnapshot[] = [];
  let buffered = "";
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  child.stdout.on("data", (chunk) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    snapshots.push(...lines.map((line) => JSON.parse(line) as ResultsSnapshot));
  });
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  return {
    /** The first snapshot (so far or to come) that matches. */
    async line(matches: (snapshot: ResultsSnapshot) => boolean, timeoutMs = 20_000): Promise<ResultsSnapshot> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = snapshots.find(matches);
        if (found) return found;
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(
            `no matching snapshot; got ${JSON.stringify(snapshots.map((s) => s.turnout))}; stderr: ${stderr}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    /** Ctrl-C; resolves with the exit code. */
    stop: () => {
      if (child.exitCode === null) child.kill("SIGINT");
      return exited;
    },
  };
}
