import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ManagedChild, waitWhileProgressing } from "../src/index";

const logDir = mkdtempSync(join(tmpdir(), "landslide-wait-"));
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

/** A real Node process running `script`, logging to a file. */
function child(name: string, script: string): ManagedChild {
  return new ManagedChild({
    name,
    command: process.execPath,
    args: ["-e", script],
    logFile: join(logDir, `${name}.log`),
  });
}

describe("waiting for a server while it makes progress", () => {
  it("waits past the quiet bound for as long as the process keeps printing, and returns once it is ready", async () => {
    const chatty = child("chatty", "setInterval(() => console.log('still compiling'), 100)");
    try {
      // Counted from its first line (a loaded machine can take a while to start Node).
      await new Promise((resolve) => chatty.process.stdout?.once("data", resolve));
      const started = Date.now();
      // Ready only after 3 s, three times the quiet bound: the output keeps it waiting.
      await waitWhileProgressing(chatty, () => Promise.resolve(Date.now() - started > 3000), { quietMs: 1000 });
      expect(Date.now() - started).toBeGreaterThan(3000);
    } finally {
      await chatty.stop();
    }
  });

  it("fails at once when the process exits, naming it, its exit code, its last lines and its log", async () => {
    const dying = child(
      "dying",
      "console.log('loading the pool'); console.error('Error: port 9229 is taken'); process.exit(3)",
    );
    const failure = waitWhileProgressing(dying, () => Promise.resolve(false));
    await expect(failure).rejects.toThrow(/^dying did not start: it exited with code 3 before it answered/);
    await expect(failure).rejects.toThrow(/loading the pool\n {2}Error: port 9229 is taken/);
    await expect(failure).rejects.toThrow(join(logDir, "dying.log"));
  });

  it("gives up on a process that prints nothing for the quiet bound and never answers", async () => {
    const stuck = child("stuck", "console.log('started'); setInterval(() => {}, 1000)");
    try {
      await new Promise((resolve) => stuck.process.stdout?.once("data", resolve));
      await expect(waitWhileProgressing(stuck, () => Promise.resolve(false), { quietMs: 800 })).rejects.toThrow(
        /^stuck did not start: it printed nothing for \d+ s and still does not answer/,
      );
    } finally {
      await stuck.stop();
    }
  });

  it("gives up after the overall limit even on a process that keeps printing", async () => {
    const looping = child("looping", "setInterval(() => console.log('retrying'), 50)");
    try {
      await expect(
        waitWhileProgressing(looping, () => Promise.resolve(false), { quietMs: 60_000, limitMs: 700 }),
      ).rejects.toThrow(/^looping did not start: it does not answer after \d+ s/);
    } finally {
      await looping.stop();
    }
  });
});
