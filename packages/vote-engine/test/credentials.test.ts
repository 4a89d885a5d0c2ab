import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { startTestPostgres } from "@landslide/local-stack/testing";
import { testProvisionTarget } from "../src/testing";
import { systemClock } from "../src/index";
import { provision, readCredentials } from "../src/provision";
import { readKeyFile } from "../src/adapters/node-crypto";

const scratch = mkdtempSync(join(tmpdir(), "landslide-cred-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it("keeps the generated demo passwords and deployment keys in owner-only files and reuses them, changing nothing on the next run", async () => {
  const postgres = await startTestPostgres();
  const target = testProvisionTarget(postgres.url, "cred");
  const credentialsFile = join(scratch, "credentials.json");
  const keysFile = join(scratch, "keys.json");
  try {
    const first = await provision({ target, clock: systemClock, demo: true, credentialsFile, keysFile });
    expect(first.changes).toContain(
      "generated the deployment keys (voter-key secret, receipt and audit signing keys, sign-up ticket key)",
    );
    expect(statSync(keysFile).mode & 0o777).toBe(0o600);
    const keys = readKeyFile(keysFile);
    expect(keys.voterKeySecret.length).toBe(32);
    const saved = readCredentials(credentialsFile);
    expect(saved?.accounts).toEqual(first.accounts);
    expect(statSync(credentialsFile).mode & 0o777).toBe(0o600);
    const passwords = new Set(first.accounts.map((a) => a.password));
    expect(passwords.size).toBe(first.accounts.length);

    const second = await provision({ target, clock: systemClock, demo: true, credentialsFile, keysFile });
    expect(second.changes).toEqual([]);
    expect(readKeyFile(keysFile)).toEqual(keys);
    expect(second.accounts).toEqual(first.accounts);
  } finally {
    await postgres.stop();
  }
});
