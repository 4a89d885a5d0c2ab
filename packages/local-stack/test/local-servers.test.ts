import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { createServer as createHttpServer } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import {
  assertJava,
  assertJavaCompiler,
  assertPortsFree,
  freePort,
  freeServerPorts,
  isPortInUse,
  LocalStackError,
  readSesMailbox,
  startLocalServers,
} from "../src/index";
import { startCephS3 } from "../src/ceph-s3";

const scratch = mkdtempSync(join(tmpdir(), "landslide-local-stack-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the embedded stand-ins for AWS", () => {
  it("start on the given ports (the local SES too), answer, keep data across a restart, and leave no port listening when stopped", async () => {
    const ports = await freeServerPorts();
    const dataDir = join(scratch, "data");
    const logDir = join(scratch, "logs");
    const first = await startLocalServers({ ports, dataDir, scratchDir: scratch, logDir });
    const healthz = await fetch(`${first.cognito.endpoint}/health`);
    expect(healthz.status).toBe(200);
    expect(first.ses.endpoint).toBe(`http://127.0.0.1:${ports.ses}`);
    expect((await fetch(`${first.ses.endpoint}/health-check`)).status).toBe(200);
    expect(await readSesMailbox(first.ses.endpoint)).toEqual([]);
    // The local S3 answers its anonymous bucket listing.
    expect((await fetch(first.s3.endpoint)).status).toBe(200);
    // Its log sits beside the others'.
    expect(existsSync(join(logDir, "aws-ses-v2-local.log"))).toBe(true);
    const client = new pg.Client({ connectionString: first.postgres.url });
    await client.connect();
    await client.query("create table kept (value text)");
    await client.query("insert into kept values ('survives a restart')");
    await client.end();
    await first.stop();
    for (const port of Object.values(ports)) expect(await isPortInUse(port)).toBe(false);

    const second = await startLocalServers({ ports, dataDir, scratchDir: scratch });
    const again = new pg.Client({ connectionString: second.postgres.url });
    await again.connect();
    const { rows } = await again.query("select value from kept");
    await again.end();
    await second.stop();
    expect(rows).toEqual([{ value: "survives a restart" }]);
    // Two starts of five servers, Ceph's cluster among them: minutes on a loaded two-core machine.
  }, 300_000);

  it("when the local SES cannot start, say why, and stop the others again", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    const address = blocker.address();
    const ses = typeof address === "object" && address ? address.port : 0;
    try {
      const ports = {
        dynamodb: await freePort(),
        cognito: await freePort(),
        postgres: await freePort(),
        ses,
        s3: await freePort(),
        sqs: await freePort(),
      };
      const attempt = startLocalServers({ ports, dataDir: null, scratchDir: scratch });
      await expect(attempt).rejects.toBeInstanceOf(LocalStackError);
      await expect(attempt).rejects.toThrow(/^aws-ses-v2-local did not start: it exited/);
      for (const port of [ports.dynamodb, ports.cognito, ports.postgres, ports.s3, ports.sqs])
        expect(await isPortInUse(port)).toBe(false);
    } finally {
      blocker.close();
    }
  }, 180_000);

  it("when a stranger holds the local S3's port, says so rather than take its answers for the gateway's, and leaves no daemon running", async () => {
    // A server that answers 200 with JSON on every path: what CI once provisioned the archive
    // bucket against, because radosgw runs on after it fails to bind.
    const stranger = createHttpServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    }).listen(0, "127.0.0.1");
    await new Promise((resolve) => stranger.once("listening", resolve));
    const address = stranger.address();
    const port = typeof address === "object" && address ? address.port : 0;
    const cephScratch = join(scratch, "ceph-taken");
    try {
      const attempt = startCephS3({ port, scratchDir: cephScratch });
      await expect(attempt).rejects.toBeInstanceOf(LocalStackError);
      await expect(attempt).rejects.toThrow(
        new RegExp(`^Port ${port} \\(the local S3\\) is already in use.*LANDSLIDE_S3_LOCAL_PORT`),
      );
      expect(processesUnder(cephScratch)).toEqual([]);
    } finally {
      stranger.close();
    }
  }, 120_000);

  it("refuses a port that is taken with one line naming the variable to change", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    const address = blocker.address();
    const port = typeof address === "object" && address ? address.port : 0;
    try {
      const attempt = assertPortsFree([{ port, what: "vote API", variable: "LANDSLIDE_VOTE_API_PORT" }]);
      await expect(attempt).rejects.toBeInstanceOf(LocalStackError);
      await expect(attempt).rejects.toThrow(
        new RegExp(`^Port ${port} \\(vote API\\) is already in use.*LANDSLIDE_VOTE_API_PORT`),
      );
    } finally {
      blocker.close();
    }
  });

  it("says in one line how to install Java when it is missing", () => {
    expect(() => assertJava("/nonexistent/java")).toThrow(
      /^Java 17\+ is required.*apt-get install -y openjdk-17-jdk-headless/,
    );
    expect(assertJava()).toBeGreaterThanOrEqual(17);
    // The loopback launcher is compiled at start: a runtime without the JDK's compiler is named as such.
    expect(() => assertJavaCompiler("/nonexistent/java")).toThrow(
      /needs a Java 17\+ JDK \(the jdk\.compiler module\).*openjdk-17-jdk-headless/,
    );
    expect(() => assertJavaCompiler()).not.toThrow();
  });
});

/** The command lines of running processes that name `folder` (the Ceph daemons are given its conf). */
function processesUnder(folder: string): string[] {
  return execFileSync("ps", ["-eo", "args="], { encoding: "utf8" })
    .split("\n")
    .filter((line) => line.includes(folder) && !line.startsWith("ps "));
}
