import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { CognitoSession } from "@landslide/api/client";
import { startDeployment } from "@landslide/api/testing";
import { startSesLocal } from "@landslide/local-stack";
import { startTestSes } from "@landslide/local-stack/testing";
import { provisionTestStack } from "@landslide/vote-engine/testing";
import type { Check } from "../src/lib/doctor/check";
import { type CliResult, runCli } from "./run-cli";
import { isolatedStack } from "./isolated-stack";

/**
 * `election doctor` as a person runs it: the real binary, in a scratch data folder and config
 * folder, with every port of the local stack moved to one that is free right now (so a
 * developer's own `npm run dev` on the default ports changes nothing here).
 */

const scratch = mkdtempSync(join(tmpdir(), "landslide-doctor-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const isolated = (name: string) => isolatedStack(scratch, name);

const report = (result: CliResult) => JSON.parse(result.stdout) as { ok: boolean; checks: Check[] };
const check = (result: CliResult, name: string) => {
  const found = report(result).checks.find((c) => c.name === name);
  expect(found, `no check named ${name} in ${result.stdout}`).toBeDefined();
  return found!;
};

describe("election doctor", () => {
  it("on a machine with nothing running and nobody signed in: only warnings, each with what to run, and exit 0", async () => {
    const { env, ports } = await isolated("idle");
    const result = await runCli(["doctor", "--json"], env);
    expect(result.code, result.stderr).toBe(0);
    const { ok, checks } = report(result);
    expect(ok).toBe(true);
    expect(checks.filter((c) => c.status === "fail")).toEqual([]);
    expect(check(result, "Java")).toMatchObject({ status: "ok", detail: expect.stringMatching(/^Java \d+/) });
    expect(check(result, "Node.js")).toMatchObject({ status: "ok" });
    expect(check(result, "session (profile default)")).toEqual({
      name: "session (profile default)",
      status: "warn",
      detail: "not signed in: there is no profile default",
      fix: "election login",
    });
    for (const name of ["vote API", "control API", "results fan-out", "aggregator", "DynamoDB", "Cognito", "SES"]) {
      expect(check(result, name)).toMatchObject({
        status: "warn",
        fix: "start it: npm run dev (or election local up)",
      });
    }
    expect(check(result, "SES")).toEqual({
      name: "SES",
      status: "warn",
      detail: `nothing answers at http://127.0.0.1:${ports.SES_LOCAL}: the local stack is not running`,
      fix: "start it: npm run dev (or election local up)",
    });
    // The local SES's port is checked like every stand-in's: free, so 'npm run dev' can take it.
    expect(check(result, `port ${ports.SES_LOCAL} (local SES)`)).toEqual({
      name: `port ${ports.SES_LOCAL} (local SES)`,
      status: "ok",
      detail: "free on 127.0.0.1",
    });
    expect(check(result, "listeners")).toEqual({
      name: "listeners",
      status: "ok",
      detail: "no local stack runs: nothing listens",
    });
    // A fix for every problem, none for what is fine.
    for (const c of checks) expect(c.fix !== undefined, c.name).toBe(c.status !== "ok");
  });

  it("fails the Java check when 'java' is a runtime without the compiler DynamoDB Local's loopback launcher needs, naming the JDK to install", async () => {
    const { env } = await isolated("jre");
    // A Java runtime image without jdk.compiler, as a bare JRE is: the real java, its module list without the compiler.
    const bin = join(scratch, "jre", "bin");
    mkdirSync(bin, { recursive: true });
    const realJava = spawnSync("sh", ["-c", "command -v java"], { encoding: "utf8" }).stdout.trim();
    writeFileSync(
      join(bin, "java"),
      `#!/bin/sh
if [ "$1" = "--list-modules" ]; then "${realJava}" "$@" | grep -v '^jdk.compiler@'; else exec "${realJava}" "$@"; fi
`,
      { mode: 0o755 },
    );
    const result = await runCli(["doctor", "--json"], { ...env, PATH: `${bin}:${process.env.PATH}` });
    expect(result.code, result.stderr).toBe(1);
    expect(check(result, "Java")).toEqual({
      name: "Java",
      status: "fail",
      detail:
        "DynamoDB Local is started through a launcher that needs a Java 17+ JDK (the jdk.compiler module), but 'java' is a runtime without it",
      fix: "apt-get install openjdk-17-jdk-headless (or set LANDSLIDE_STACK=aws)",
    });
  });

  it("fails on a port some other program holds, naming the port and the variable that moves it; a bad setting is a failed check too", async () => {
    const { env, ports } = await isolated("busy");
    const blocker = createServer().listen(ports.RESULTS, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    onTestFinished(() => void blocker.close());

    const [json, human, badSetting] = await Promise.all([
      runCli(["doctor", "--json"], env),
      runCli(["doctor"], env),
      runCli(["doctor", "--json"], { ...env, LANDSLIDE_AGGREGATOR_PORT: "seventy" }),
    ]);
    expect(json.code, json.stderr).toBe(1);
    expect(report(json).ok).toBe(false);
    const name = `port ${ports.RESULTS} (results fan-out)`;
    expect(check(json, name)).toEqual({
      name,
      status: "fail",
      detail: "in use on 127.0.0.1 by something other than the local stack",
      fix: `stop what listens there (lsof -iTCP:${ports.RESULTS} -sTCP:LISTEN names it), or set LANDSLIDE_RESULTS_PORT to a free port`,
    });
    expect(
      report(json)
        .checks.filter((c) => c.status === "fail")
        .map((c) => c.name),
    ).toEqual([name]);

    expect(human.code).toBe(1);
    const lines = human.stdout.split("\n");
    const at = lines.findIndex((line) => line.startsWith(`✗ ${name}`));
    expect(at, human.stdout).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(
      new RegExp(`^    → stop what listens there .* set LANDSLIDE_RESULTS_PORT to a free port$`),
    );
    expect(lines.filter((line) => line.startsWith("! ")).length).toBeGreaterThan(0);
    expect(lines.at(-2)).toMatch(/^\d+ checks: \d+ ok, \d+ warnings, 1 failed\. Fix the ✗ lines above\.$/);

    expect(badSetting.code, badSetting.stderr).toBe(1);
    expect(check(badSetting, "configuration")).toMatchObject({
      status: "fail",
      detail: expect.stringContaining("LANDSLIDE_AGGREGATOR_PORT"),
      fix: "fix or unset LANDSLIDE_AGGREGATOR_PORT, then run election doctor again",
    });
    expect(check(badSetting, "Java").status).toBe("ok");
  });

  it("takes the local SES's port as the running stack's when it answers there, and fails it when what holds it does not", async () => {
    const { env, ports } = await isolated("mailbox");
    const name = `port ${ports.SES_LOCAL} (local SES)`;
    // A run file naming this process as the launcher, and a local SES on the stack's port.
    mkdirSync(env.LANDSLIDE_DATA_DIR!, { recursive: true });
    const mailbox = `http://127.0.0.1:${ports.SES_LOCAL}`;
    writeFileSync(
      join(env.LANDSLIDE_DATA_DIR!, "stack.json"),
      JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString(), urls: { "ses-local": mailbox } }),
    );
    const ses = await startSesLocal({ port: ports.SES_LOCAL });
    const answering = await runCli(["doctor", "--json"], env).finally(() => ses.stop());
    expect(check(answering, name)).toEqual({
      name,
      status: "ok",
      detail: `in use by the local stack's ses-local (pid ${process.pid})`,
    });
    expect(check(answering, "SES")).toEqual({ name: "SES", status: "ok", detail: `answers at ${mailbox}` });

    // Something that takes connections and never speaks HTTP holds the port now.
    const squatter = createServer((socket) => socket.destroy()).listen(ports.SES_LOCAL, "127.0.0.1");
    await new Promise((resolve) => squatter.once("listening", resolve));
    onTestFinished(() => void squatter.close());
    const squatted = await runCli(["doctor", "--json"], env);
    expect(squatted.code).toBe(1);
    expect(check(squatted, name)).toEqual({
      name,
      status: "fail",
      detail: "in use, but the local stack's ses-local does not answer there",
      fix: `stop what listens there (lsof -iTCP:${ports.SES_LOCAL} -sTCP:LISTEN names it), or set LANDSLIDE_SES_LOCAL_PORT to a free port`,
    });
    expect(check(squatted, "SES")).toMatchObject({
      status: "fail",
      detail: `nothing answers at ${mailbox}, though the local stack runs (pid ${process.pid})`,
    });
  });

  it("against a real deployment: every endpoint answers, the session renews, the keys are owner-only; exit 0", async () => {
    const stack = await provisionTestStack({ demo: true });
    onTestFinished(() => stack.stop());
    const deployment = await startDeployment(stack);
    // onTestFinished hooks run last registered first: the deployment stops before its stack.
    onTestFinished(() => deployment.stop());
    const ses = await startTestSes();
    onTestFinished(() => ses.stop());

    const { env: isolatedEnv } = await isolated("deployed");
    const configDir = isolatedEnv.ELECTION_CONFIG_DIR!;
    const official = stack.provisioned.accounts.find((a) => a.group === "officials")!;
    const cognito = {
      region: stack.target.region,
      endpoint: stack.target.cognitoEndpoint,
      clientId: stack.provisioned.clientIds.cli,
    };
    const session = await new CognitoSession(cognito).signIn(official.email, official.password);
    mkdirSync(configDir, { recursive: true });
    const profile = { deployment: { urls: deployment.urls, cognito }, session };
    writeFileSync(join(configDir, "profiles.json"), JSON.stringify({ profiles: { default: profile } }), {
      mode: 0o600,
    });

    const result = await runCli(["doctor", "--json"], {
      ...isolatedEnv,
      LANDSLIDE_VOTE_API_URL: deployment.urls.voteApi,
      LANDSLIDE_CONTROL_API_URL: deployment.urls.controlApi,
      LANDSLIDE_RESULTS_URL: deployment.urls.results,
      LANDSLIDE_AGGREGATOR_URL: deployment.urls.aggregator,
      AWS_REGION: stack.target.region,
      LANDSLIDE_DYNAMODB_ENDPOINT: stack.target.dynamodbEndpoint,
      LANDSLIDE_COGNITO_ENDPOINT: stack.target.cognitoEndpoint,
      LANDSLIDE_SES_ENDPOINT: ses.endpoint,
      LANDSLIDE_KEYS_FILE: stack.keysFile,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(check(result, "vote API")).toEqual({
      name: "vote API",
      status: "ok",
      detail: `ready at ${deployment.urls.voteApi}`,
    });
    for (const name of ["control API", "results fan-out", "aggregator"])
      expect(check(result, name).status, name).toBe("ok");
    expect(check(result, "DynamoDB")).toEqual({
      name: "DynamoDB",
      status: "ok",
      detail: `answers at ${stack.target.dynamodbEndpoint}`,
    });
    expect(check(result, "Cognito")).toEqual({
      name: "Cognito",
      status: "ok",
      detail: `answers at ${stack.target.cognitoEndpoint}`,
    });
    expect(check(result, "SES")).toEqual({ name: "SES", status: "ok", detail: `answers at ${ses.endpoint}` });
    expect(check(result, "session (profile default)")).toMatchObject({
      status: "ok",
      detail: expect.stringContaining(`signed in as ${official.email} (officials); renewed just now`),
    });
    expect(check(result, "keys file")).toMatchObject({ status: "ok", detail: expect.stringContaining("mode 0600") });
    expect(report(result)).toMatchObject({ ok: true });
    // The check never shows a token.
    for (const token of [session.accessToken, session.refreshToken, session.idToken])
      if (token) expect(result.stdout).not.toContain(token);
  });
});
