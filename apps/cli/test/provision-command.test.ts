import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningPostgres } from "@landslide/local-stack";
import { startTestPostgres, testServers, uniqueName } from "@landslide/local-stack/testing";
import { runCli } from "./run-cli";

let postgres: RunningPostgres;
let env: NodeJS.ProcessEnv;
const dataDir = mkdtempSync(join(tmpdir(), "landslide-cli-"));

beforeAll(async () => {
  postgres = await startTestPostgres();
  const name = uniqueName("cli");
  env = {
    LANDSLIDE_DATA_DIR: dataDir,
    LANDSLIDE_DYNAMODB_ENDPOINT: testServers().dynamodbEndpoint,
    LANDSLIDE_COGNITO_ENDPOINT: testServers().cognitoEndpoint,
    LANDSLIDE_S3_ENDPOINT: testServers().s3Endpoint,
    LANDSLIDE_SQS_ENDPOINT: testServers().sqsEndpoint,
    LANDSLIDE_TABLE_PREFIX: name,
    LANDSLIDE_USER_POOL_NAME: name,
    DATABASE_URL: postgres.url,
  };
});
afterAll(async () => {
  await postgres.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

it("election provision --json prints one JSON document, and a second run reports no change", async () => {
  const first = await runCli(["provision", "--json"], env);
  expect(first.code, first.stderr).toBe(0);
  const report = JSON.parse(first.stdout) as { userPoolId: string; changes: string[]; tables: { votes: string } };
  expect(report.tables.votes).toBe(`${env.LANDSLIDE_TABLE_PREFIX}-votes`);
  expect(report.changes.length).toBeGreaterThan(5);

  const second = await runCli(["provision", "--json"], env);
  expect(second.code, second.stderr).toBe(0);
  expect(JSON.parse(second.stdout)).toMatchObject({ userPoolId: report.userPoolId, changes: [] });

  const human = await runCli(["provision"], env);
  expect(human.stdout).toContain("Everything was already in place; nothing changed.");
});

it("a bad setting gives one clear line and a non-zero exit, as JSON under --json", async () => {
  const result = await runCli(["provision"], { ...env, LANDSLIDE_DYNAMODB_ENDPOINT: "not a url" });
  expect(result.code).toBe(1);
  expect(result.stderr.replace(/\s*›\s*/g, " ")).toMatch(
    /Error: Invalid configuration: LANDSLIDE_DYNAMODB_ENDPOINT must be an http\(s\) URL/,
  );
  expect(result.stderr).not.toMatch(/ {4}at /);

  const json = await runCli(["provision", "--json"], { ...env, LANDSLIDE_DYNAMODB_ENDPOINT: "not a url" });
  expect(json.code).toBe(1);
  expect(JSON.parse(json.stdout)).toMatchObject({
    error: { message: expect.stringMatching(/^Invalid configuration: LANDSLIDE_DYNAMODB_ENDPOINT/) },
  });
});
