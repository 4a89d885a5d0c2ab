import { spawn } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPortInUse } from "@landslide/local-stack";
import { freeLocalPorts } from "./isolated-stack";
import { runCli } from "./run-cli";

const dataDir = mkdtempSync(join(tmpdir(), "landslide-up-"));
let env: NodeJS.ProcessEnv;
let ports: Record<string, number>;

beforeAll(async () => {
  ports = await freeLocalPorts([
    "VOTE_API",
    "CONTROL_API",
    "RESULTS",
    "AGGREGATOR",
    "DYNAMODB_LOCAL",
    "COGNITO_LOCAL",
    "POSTGRES",
    "SES_LOCAL",
    "S3_LOCAL",
    "SQS_LOCAL",
  ]);
  env = {
    LANDSLIDE_DATA_DIR: dataDir,
    ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [`LANDSLIDE_${k}_PORT`, String(v)])),
  };
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface UpDocument {
  status: string;
  urls: Record<string, string>;
  accounts: Array<{ email: string; group: string }>;
  credentialsFile: string;
}

/** Every folder and file under a path, with its permission bits. */
function modes(path: string): Array<{ path: string; mode: string }> {
  const stat = lstatSync(path);
  const own = { path, mode: (stat.mode & 0o777).toString(8).padStart(4, "0") };
  return stat.isDirectory() ? [own, ...readdirSync(path).flatMap((name) => modes(join(path, name)))] : [own];
}

/** What group or others could read, write or enter. */
const openToOthers = (path: string) => modes(path).filter(({ mode }) => (Number.parseInt(mode, 8) & 0o077) !== 0);

/** As an earlier version left the data folder: every folder 0777 and file 0666, so anyone on the machine could read the passwords. */
function openUp(path: string): void {
  const stat = lstatSync(path);
  chmodSync(path, stat.isDirectory() ? 0o777 : 0o666);
  if (stat.isDirectory()) for (const name of readdirSync(path)) openUp(join(path, name));
}

/** Starts `election local up --json`, resolves with its ready document, and stops it on demand. */
function startStack(extraArgs: string[] = []) {
  const child = spawn(
    process.execPath,
    [fileURLToPath(new URL("../bin/run.js", import.meta.url)), "local", "up", "--web", "none", "--json", ...extraArgs],
    {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  const ready = new Promise<UpDocument>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      // The ready document is one line; a failure is a pretty-printed error envelope, reported on exit.
      const first = stdout.split("\n")[0]!;
      if (stdout.includes("\n") && first !== "{") resolve(JSON.parse(first) as UpDocument);
    });
    void exited.then((code) => reject(new Error(`local up exited ${code}: ${stdout} ${stderr}`)));
  });
  return { ready, exited, stop: () => child.kill("SIGINT"), output: () => ({ stdout, stderr }) };
}

describe("election local up (the launcher behind npm run dev)", () => {
  it("starts every service against real local servers (the local SES too) with the demo election open, stops leaving no port open, and keeps the data for the next start", async () => {
    const first = startStack(["--fresh"]);
    const document = await first.ready;
    expect(document.status).toBe("running");
    for (const service of ["vote-api", "control-api", "results", "aggregator"]) {
      const health = await fetch(`${document.urls[service]}/healthz`);
      expect(health.status, service).toBe(200);
      const ready = await fetch(`${document.urls[service]}/readyz`);
      expect(ready.status, `${service} readyz`).toBe(200);
    }
    // The local SES, where the services' e-mail goes: its API answers, its mailbox opens in a browser.
    const mailbox = document.urls["ses-local"];
    expect(mailbox).toBe(`http://127.0.0.1:${ports.SES_LOCAL}`);
    expect((await fetch(`${mailbox}/health-check`)).status).toBe(200);
    expect((await fetch(mailbox!)).headers.get("content-type")).toMatch(/text\/html/);
    expect(existsSync(join(dataDir, "logs", "aws-ses-v2-local.log"))).toBe(true);
    // The audit archive's S3 and the dead-letter queue's SQS (the aggregator's /readyz above asks both).
    expect(document.urls["s3-local"]).toBe(`http://127.0.0.1:${ports.S3_LOCAL}`);
    expect(document.urls["sqs-local"]).toBe(`http://127.0.0.1:${ports.SQS_LOCAL}`);
    const status = await runCli(["local", "status", "--json"], env);
    expect(status.code, status.stderr).toBe(0);
    expect((JSON.parse(status.stdout) as { standIns: unknown[] }).standIns).toEqual(
      expect.arrayContaining([{ name: "ses-local", url: mailbox, answers: true }]),
    );

    const { elections } = (await (await fetch(`${document.urls["control-api"]}/v1/elections`)).json()) as {
      elections: Array<{ title: string; status: string }>;
    };
    expect(elections).toEqual([expect.objectContaining({ title: "Landslide Demo Election", status: "open" })]);
    expect(document.accounts.map((a) => a.group).sort()).toEqual([
      "officials",
      "operators",
      "voters",
      "voters",
      "voters",
    ]);
    // The passwords are in the credentials file only, never in what the launcher prints.
    const saved = JSON.parse(readFileSync(document.credentialsFile, "utf8")) as {
      accounts: Array<{ email: string; group: string; password: string }>;
    };
    expect(saved.accounts.map(({ email, group }) => ({ email, group }))).toEqual(document.accounts);
    for (const { password } of saved.accounts)
      expect(first.output().stdout + first.output().stderr).not.toContain(password);

    // Nothing of the stack is open to others on the machine: the passwords in cognito-local's
    // database, the DynamoDB file, keys, credentials, logs.
    const cognitoDb = join(dataDir, "data", "cognito", ".cognito", "db");
    const stores = [
      join(dataDir, "credentials.json"),
      join(dataDir, "keys.json"),
      join(dataDir, "data", "dynamodb", "shared-local-instance.db"),
      cognitoDb,
    ];
    for (const path of stores) expect(existsSync(path), path).toBe(true);
    expect(readdirSync(cognitoDb).filter((name) => name.endsWith(".json")).length).toBeGreaterThan(0);
    expect(modes(dataDir)[0]).toEqual({ path: dataDir, mode: "0700" });
    expect(modes(document.credentialsFile)[0]!.mode).toBe("0600");
    expect(openToOthers(dataDir)).toEqual([]);

    first.stop();
    expect(await first.exited).toBe(0);
    for (const [name, port] of Object.entries(ports)) expect(await isPortInUse(port), name).toBe(false);

    // The next start closes what an earlier version left open.
    openUp(dataDir);
    expect(openToOthers(dataDir).length).toBeGreaterThan(stores.length);
    const second = startStack();
    const again = await second.ready;
    expect(openToOthers(dataDir)).toEqual([]);
    expect(again.accounts).toEqual(document.accounts);
    const after = (await (await fetch(`${again.urls["control-api"]}/v1/elections`)).json()) as { elections: unknown[] };
    expect(after.elections).toEqual(elections.map((e) => expect.objectContaining(e)));
    // Stopped from another terminal this time: `local down` leaves nothing listening either, the local SES included.
    const down = await runCli(["local", "down"], env);
    expect(down.code, down.stderr).toBe(0);
    expect(await second.exited).toBe(0);
    for (const [name, port] of Object.entries(ports)) expect(await isPortInUse(port), name).toBe(false);
    // Two whole starts and stops of the stack (each compiles DynamoDB Local's loopback launcher).
  }, 300_000);

  it("refuses to start when a port is taken, naming the port and the variable, and leaves nothing running", async () => {
    const blocker = createServer().listen(ports.RESULTS, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    try {
      const result = await runCli(["local", "up", "--web", "none"], env);
      expect(result.code).toBe(1);
      // The spinner's "Checking the machine... !" precedes the one-line error.
      const message = result.stderr
        .replace(/\s*›\s*/g, " ")
        .trim()
        .replace(/^Checking the machine\.\.\. ! /, "");
      expect(message).toBe(
        `Error: Port ${ports.RESULTS} (results fan-out) is already in use on 127.0.0.1: stop what listens there (is another 'npm run dev' running?) or set LANDSLIDE_RESULTS_PORT to a free port.`,
      );
      expect(await isPortInUse(ports.DYNAMODB_LOCAL!)).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it("says how to install Java when it is missing", async () => {
    const result = await runCli(["local", "up", "--web", "none"], { ...env, PATH: "/nonexistent" });
    expect(result.code).toBe(1);
    expect(result.stderr.replace(/\s*›\s*/g, " ")).toMatch(
      /Error: Java 17\+ is required to run DynamoDB Local but 'java' was not found: install it \(Debian: apt-get install -y openjdk-17-jdk-headless\)/,
    );
    expect(result.stderr).not.toMatch(/ {4}at /);
  });
});
