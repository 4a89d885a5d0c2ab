import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, isPortInUse } from "@landslide/local-stack";
import { runCli } from "./run-cli";

const dataDir = mkdtempSync(join(tmpdir(), "landslide-up-"));
let env: NodeJS.ProcessEnv;
let ports: Record<string, number>;

beforeAll(async () => {
  ports = {};
  for (const name of ["VOTE_API", "CONTROL_API", "RESULTS", "AGGREGATOR", "DYNAMODB_LOCAL", "COGNITO_LOCAL", "PGLITE"]) ports[name] = await freePort();
  env = { LANDSLIDE_DATA_DIR: dataDir, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [`LANDSLIDE_${k}_PORT`, String(v)])) };
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface UpDocument {
  status: string;
  urls: Record<string, string>;
  accounts: Array<{ email: string; group: string; password: string }>;
  credentialsFile: string;
}

/** Starts `election local up --json`, resolves with its ready document, and stops it on demand. */
function startStack(extraArgs: string[] = []) {
  const child = spawn(process.execPath, [fileURLToPath(new URL("../bin/run.js", import.meta.url)), "local", "up", "--web", "none", "--json", ...extraArgs], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += c));
  const exited = new Promise<number | null>((resolve) => child.once("close", resolve));
  const ready = new Promise<UpDocument>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.includes("\n")) resolve(JSON.parse(stdout.split("\n")[0]!) as UpDocument);
    });
    void exited.then((code) => reject(new Error(`local up exited ${code}: ${stderr}`)));
  });
  return { ready, exited, stop: () => child.kill("SIGINT"), output: () => ({ stdout, stderr }) };
}

describe("election local up (the launcher behind npm run dev)", () => {
  it("starts every service against real local servers with the demo election open, stops leaving no port open, and keeps the data for the next start", async () => {
    const first = startStack(["--fresh"]);
    const document = await first.ready;
    expect(document.status).toBe("running");
    for (const service of ["vote-api", "control-api", "results", "aggregator"]) {
      const health = await fetch(`${document.urls[service]}/healthz`);
      expect(health.status, service).toBe(200);
      const ready = await fetch(`${document.urls[service]}/readyz`);
      expect(ready.status, `${service} readyz`).toBe(200);
    }
    const { elections } = (await (await fetch(`${document.urls["control-api"]}/v1/elections`)).json()) as { elections: Array<{ title: string; status: string }> };
    expect(elections).toEqual([expect.objectContaining({ title: "Landslide Demo Election", status: "open" })]);
    expect(document.accounts.map((a) => a.group).sort()).toEqual(["officials", "operators", "voters", "voters", "voters"]);
    const saved = JSON.parse(readFileSync(document.credentialsFile, "utf8")) as { accounts: unknown[] };
    expect(saved.accounts).toEqual(document.accounts);

    first.stop();
    expect(await first.exited).toBe(0);
    for (const [name, port] of Object.entries(ports)) expect(await isPortInUse(port), name).toBe(false);

    const second = startStack();
    const again = await second.ready;
    expect(again.accounts).toEqual(document.accounts);
    const after = (await (await fetch(`${again.urls["control-api"]}/v1/elections`)).json()) as { elections: unknown[] };
    expect(after.elections).toEqual(elections.map((e) => expect.objectContaining(e)));
    second.stop();
    expect(await second.exited).toBe(0);
    // Two whole starts and stops of the stack.
  }, 180_000);

  it("refuses to start when a port is taken, naming the port and the variable, and leaves nothing running", async () => {
    const blocker = createServer().listen(ports.RESULTS, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    try {
      const result = await runCli(["local", "up", "--web", "none"], env);
      expect(result.code).toBe(1);
      // The spinner's "Checking the machine... !" precedes the one-line error.
      const message = result.stderr.replace(/\s*›\s*/g, " ").trim().replace(/^Checking the machine\.\.\. ! /, "");
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
    expect(result.stderr.replace(/\s*›\s*/g, " ")).toMatch(/Error: Java 17\+ is required to run DynamoDB Local but 'java' was not found: install it \(Debian: apt-get install -y openjdk-17-jre-headless\)/);
    expect(result.stderr).not.toMatch(/    at /);
  });
});
