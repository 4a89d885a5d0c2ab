import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { freePort } from "@landslide/local-stack";
// @ts-expect-error: plain JavaScript beside bin/run.js, which must run before anything compiles TypeScript.
import { BUILD_INFO, fingerprint, listing, staleReason } from "../bin/freshness.js";
import { patientFetch } from "../src/lib/local-stack/patient-fetch";

type StaleReason = (base: string, dist: string) => string | null;
const isStale = staleReason as StaleReason;

describe("whether bin/run.js may run the built CLI", () => {
  let base: string;
  const made: string[] = [];
  const dist = () => join(base, "dist");
  const source = () => join(base, "src", "commands", "status.ts");

  /** A build made from the sources as they are now, recorded as build.mjs records it. */
  function record(): void {
    mkdirSync(dist(), { recursive: true });
    const files = { "src/commands/status.ts": (fingerprint as (p: string) => unknown)(source()) };
    const folders = { "src/commands": (listing as (p: string) => string)(join(base, "src", "commands")) };
    writeFileSync(join(dist(), BUILD_INFO as string), JSON.stringify({ files, folders }));
  }

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), "landslide-cli-build-"));
    made.push(base);
    mkdirSync(join(base, "src", "commands"), { recursive: true });
    writeFileSync(source(), "export default class Status {}\n");
  });
  afterAll(() => made.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it("is fresh right after the build, and says so when nothing was built", () => {
    expect(isStale(base, dist())).toBe("it has not been built");
    record();
    expect(isStale(base, dist())).toBeNull();
  });

  it("stays fresh when a file is only touched (a checkout, a cache restore), not changed", () => {
    record();
    const later = new Date(Date.now() + 60_000);
    utimesSync(source(), later, later);
    expect(isStale(base, dist())).toBeNull();
  });

  it("is stale once a source changes, even to the same size, or a command file is added", () => {
    record();
    writeFileSync(source(), "export default class Statuz {}\n");
    expect(isStale(base, dist())).toBe("src/commands/status.ts changed");
    record();
    writeFileSync(join(base, "src", "commands", "down.ts"), "export default class Down {}\n");
    expect(isStale(base, dist())).toBe("a file was added to or removed from src/commands");
  });
});

describe("patient probes", () => {
  let server: Server | undefined;
  afterAll(() => server?.close());

  it("try again with a longer budget when a busy server answers too late for the first try", async () => {
    let requests = 0;
    server = createServer((_request, response) => {
      requests += 1;
      setTimeout(() => response.end("ok"), 400);
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    const response = await patientFetch(`http://127.0.0.1:${port}/`, [100, 5_000]);
    expect(await response.text()).toBe("ok");
    expect(requests).toBe(2);
  });

  it("do not wait when nothing listens: a refused connection fails at once", async () => {
    const port = await freePort();
    const started = Date.now();
    await expect(patientFetch(`http://127.0.0.1:${port}/`, [5_000, 15_000])).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
