import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { archiveKeys, type AuditBundle } from "@landslide/vote-engine";
import { createS3Client, ensureAuditBucket, S3AuditArchive } from "@landslide/vote-engine/s3";
import { buildAuditBundle } from "@landslide/vote-engine/testing";
import { freePort } from "@landslide/local-stack";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import { runCli } from "./run-cli";

/** oclif wraps error lines to the terminal and marks them with "›"; the tests read the sentence. */
const oneLine = (stderr: string) => stderr.replace(/\s*›\s*/g, " ").replace(/\s+/g, " ");
const dir = mkdtempSync(join(tmpdir(), "landslide-audit-cli-"));
let bundle: AuditBundle;
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

beforeAll(async () => {
  ({ bundle } = await buildAuditBundle({ ballots: 200, epochRecords: 32 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("election audit verify --bundle", () => {
  it("passes an intact bundle, in words and as one JSON document", async () => {
    const path = write("intact.json", bundle);
    const human = await runCli(["audit", "verify", bundle.election.id, "--bundle", path], {});
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^PASS .*202 records, 7 signed epochs, 200 ballots/m);
    const json = await runCli(["audit", "verify", bundle.election.id, "--bundle", path, "--json"], {});
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: true,
      electionId: bundle.election.id,
      checked: { records: 202, epochs: 7, ballots: 200 },
      discrepancies: [],
      auditKeyPinned: false,
    });
  });

  it("refuses a bundle sealed under another key than the one the deployment announced", async () => {
    const path = write("intact-pinned.json", bundle);
    const right = await runCli(
      ["audit", "verify", bundle.election.id, "--bundle", path, "--audit-key-id", bundle.keys.audit.keyId, "--json"],
      {},
    );
    expect(right.code).toBe(0);
    expect(JSON.parse(right.stdout)).toMatchObject({ ok: true, auditKeyPinned: true });
    const wrong = await runCli(
      ["audit", "verify", bundle.election.id, "--bundle", path, "--audit-key-id", "someone-elses-key"],
      {},
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toMatch(/^FAIL .*AUDIT_KEY_UNEXPECTED/m);
  });

  it("fails an altered count with exit code 1 and names the first discrepancy", async () => {
    const counters = { ...bundle.result.counters, __turnout: (bundle.result.counters.__turnout ?? 0) + 1 };
    const path = write("altered.json", { ...bundle, result: { ...bundle.result, counters } });
    const human = await runCli(["audit", "verify", bundle.election.id, "--bundle", path], {});
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(
      /^FAIL .*RESULT_MISMATCH: The published result says __turnout = 201; the ballots give 200\./m,
    );
    const json = await runCli(["audit", "verify", bundle.election.id, "--bundle", path, "--json"], {});
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, discrepancies: [{ code: "RESULT_MISMATCH" }] });
  });

  it("says in one line what is wrong with a file that is not a bundle, or another election's", async () => {
    const notJson = join(dir, "broken.json");
    writeFileSync(notJson, "{ not json");
    const broken = await runCli(["audit", "verify", bundle.election.id, "--bundle", notJson], {});
    expect(broken.code).toBe(2);
    expect(oneLine(broken.stderr)).toMatch(/is not a JSON document/);
    const partial = await runCli(
      ["audit", "verify", bundle.election.id, "--bundle", write("partial.json", { ...bundle, epochs: "none" })],
      {},
    );
    expect(partial.code).toBe(1);
    expect(oneLine(partial.stderr)).toMatch(/is not a Landslide audit bundle: at epochs:/);
    const other = await runCli(
      ["audit", "verify", "00000000-0000-4000-8000-000000000000", "--bundle", write("other.json", bundle)],
      {},
    );
    expect(other.code).toBe(2);
    expect(oneLine(other.stderr)).toMatch(/not 00000000-0000-4000-8000-000000000000's/);
  });

  it("says which service it cannot reach, with exit code 4", async () => {
    const env = { LANDSLIDE_RESULTS_URL: `http://127.0.0.1:${await freePort()}` };
    const verify = await runCli(["audit", "verify", bundle.election.id], env);
    expect(verify.code).toBe(4);
    // Under --json too: the same exit code, and the error as the one JSON document on stdout.
    const asJson = await runCli(["audit", "verify", bundle.election.id, "--json"], env);
    expect(asJson.code).toBe(4);
    expect(JSON.parse(asJson.stdout)).toMatchObject({
      error: { message: expect.stringMatching(/^Cannot reach the results service/) },
    });
    expect(oneLine(verify.stderr)).toMatch(/Cannot reach the results service at http:\/\/127\.0\.0\.1:\d+/);
    const prove = await runCli(["audit", "prove", "0123456789abcdef0123456789abcdef"], env);
    expect(prove.code).toBe(4);
  });
});

describe("election audit verify --archive", () => {
  it("compares the bundle with the epochs archived write-once on S3, and names an overwrite", async () => {
    const endpoint = testServers().s3Endpoint;
    const bucket = uniqueName("cli-archive");
    const s3 = createS3Client({ region: "eu-west-1", endpoint });
    try {
      await ensureAuditBucket(s3, bucket);
      const archive = new S3AuditArchive(s3, { bucket, retentionDays: 7 });
      for (const epoch of bundle.epochs) {
        const { firstSeq, lastSeq } = epoch.statement;
        await archive.putEpoch(
          epoch,
          bundle.records.filter((r) => r.seq >= firstSeq && r.seq <= lastSeq),
        );
      }
      const path = write("archived.json", bundle);
      const env = { LANDSLIDE_S3_ENDPOINT: endpoint, LANDSLIDE_AUDIT_BUCKET: bucket };
      const human = await runCli(["audit", "verify", bundle.election.id, "--bundle", path, "--archive"], env);
      expect(human.code, human.stderr).toBe(0);
      expect(human.stdout).toMatch(
        new RegExp(
          `^PASS  archive s3://${bucket}: 7 epochs \\(202 records\\) archived as published, never overwritten, locked in COMPLIANCE mode until `,
          "m",
        ),
      );

      // Someone with write access puts another log over an archived epoch: S3 keeps the locked
      // first version, and the comparison names the attempt.
      const key = archiveKeys.epoch(bundle.election.id, bundle.epochs[2]!.statement.epoch);
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify({ rewritten: true }) }));
      const json = await runCli(["audit", "verify", bundle.election.id, "--bundle", path, "--archive", "--json"], env);
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout) as {
        ok: boolean;
        archive: { ok: boolean; discrepancies: { code: string; key: string }[] };
      };
      // The bundle itself is intact; the archive's history is not.
      expect(report.ok).toBe(true);
      expect(report.archive.ok).toBe(false);
      expect(report.archive.discrepancies.map((d) => [d.code, d.key])).toEqual([
        ["OVERWRITE_ATTEMPTED", key],
        ["NOT_LOCKED", key],
      ]);

      const missing = await runCli(["audit", "verify", bundle.election.id, "--bundle", path, "--archive"], {
        ...env,
        LANDSLIDE_AUDIT_BUCKET: uniqueName("no-such"),
      });
      expect(missing.code).toBe(2);
      expect(oneLine(missing.stderr)).toMatch(/There is no audit bucket .* set LANDSLIDE_AUDIT_BUCKET/);
    } finally {
      s3.destroy();
    }
  });
});
