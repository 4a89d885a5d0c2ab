import {
  CreateBucketCommand,
  DeleteObjectCommand,
  PutObjectCommand,
  PutObjectRetentionCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testServers, uniqueName } from "@landslide/local-stack/testing";
import { ArchiveConflictError, archiveKeys, compareWithArchive, type SignedEpoch } from "../src/index";
import { createS3Client, ensureAuditBucket, S3AuditArchive } from "../src/adapters/s3/index";
import { buildAuditBundle } from "../src/testing/index";

// Against the run's local S3, Ceph's radosgw, which enforces Object Lock as S3 does: the attacks
// below would "succeed" against a stand-in that only accepts the lock headers.
const DAY_MS = 86_400_000;
let s3: S3Client;
let bucket: string;
let archive: S3AuditArchive;
const fixture = await buildAuditBundle({ ballots: 12, epochRecords: 5 });
const { bundle } = fixture;
const recordsOf = (epoch: SignedEpoch) =>
  bundle.records.filter((r) => r.seq >= epoch.statement.firstSeq && r.seq <= epoch.statement.lastSeq);
const electionId = bundle.election.id;

beforeAll(async () => {
  s3 = createS3Client({ region: "eu-west-1", endpoint: testServers().s3Endpoint });
  bucket = uniqueName("archive");
  archive = new S3AuditArchive(s3, { bucket, retentionDays: 30 });
}, 60_000);
afterAll(() => s3?.destroy());

describe("the audit archive on S3 with Object Lock", () => {
  it("creates its bucket with Object Lock once, and refuses a bucket without it", async () => {
    expect(await ensureAuditBucket(s3, bucket)).toEqual({ created: true });
    expect(await ensureAuditBucket(s3, bucket)).toEqual({ created: false });
    const unlocked = uniqueName("unlocked");
    await s3.send(new CreateBucketCommand({ Bucket: unlocked }));
    await expect(ensureAuditBucket(s3, unlocked)).rejects.toThrow(/no Object Lock/);
  });

  it("puts each epoch once, locked in COMPLIANCE mode for the retention, and reads it back", async () => {
    expect(bundle.epochs.length).toBeGreaterThan(2);
    const before = Date.now();
    for (const epoch of bundle.epochs) {
      expect(await archive.hasEpoch(electionId, epoch.statement.epoch)).toBe(false);
      await archive.putEpoch(epoch, recordsOf(epoch));
      // Idempotent: a sealer that crashed after the put puts the same document again.
      await new S3AuditArchive(s3, { bucket, retentionDays: 30 }).putEpoch(epoch, recordsOf(epoch));
      expect(await archive.hasEpoch(electionId, epoch.statement.epoch)).toBe(true);
    }
    const archived = await archive.readEpochs(electionId);
    expect(archived.map((object) => object.key)).toEqual(
      bundle.epochs.map((epoch) => archiveKeys.epoch(electionId, epoch.statement.epoch)),
    );
    for (const object of archived) {
      expect(object.versions).toHaveLength(1);
      expect(object.versions[0]!.lock?.mode).toBe("COMPLIANCE");
      const until = object.versions[0]!.lock!.retainUntil.getTime();
      expect(until).toBeGreaterThanOrEqual(before + 30 * DAY_MS - 1000);
      expect(until).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS + 1000);
    }
    const report = compareWithArchive(bundle, archived, new Date());
    expect(report.discrepancies).toEqual([]);
    expect(report.checked).toEqual({
      epochs: bundle.epochs.length,
      versions: bundle.epochs.length,
      records: bundle.records.length,
    });
  });

  it("refuses to put a different document under a key already taken", async () => {
    const [first] = bundle.epochs;
    const forged = { ...first!, signature: first!.signature.replace(/^./, (c) => (c === "A" ? "B" : "A")) };
    const fresh = new S3AuditArchive(s3, { bucket, retentionDays: 30 });
    await expect(fresh.putEpoch(forged, recordsOf(first!))).rejects.toBeInstanceOf(ArchiveConflictError);
  });

  it("holds against someone with write access: no delete, no shortened lock, and an overwrite is seen", async () => {
    const [first] = await archive.readEpochs(electionId);
    const { key } = first!;
    const { versionId } = first!.versions[0]!;
    await expect(s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }))).rejects.toThrow(
      /AccessDenied|forbidden by object lock/i,
    );
    await expect(
      s3.send(
        new PutObjectRetentionCommand({
          Bucket: bucket,
          Key: key,
          VersionId: versionId,
          Retention: { Mode: "COMPLIANCE", RetainUntilDate: new Date(Date.now() + DAY_MS) },
        }),
      ),
    ).rejects.toThrow(/AccessDenied|shortens/i);
    // A plain put over the key makes a second version; the locked first one stands, and the
    // comparison names the attempt.
    const rewritten = { ...JSON.parse(JSON.stringify(first!.versions[0]!.document)), records: [] };
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: JSON.stringify(rewritten) }));
    const after = await archive.readEpochs(electionId);
    const object = after.find((o) => o.key === key)!;
    expect(object.versions).toHaveLength(2);
    expect(object.versions[0]!.versionId).toBe(versionId);
    const report = compareWithArchive(bundle, after, new Date());
    expect(report.discrepancies.map((d) => [d.code, d.key])).toEqual([
      ["OVERWRITE_ATTEMPTED", key],
      ["NOT_LOCKED", key],
    ]);
  });

  it("names an epoch the bundle publishes that the archive lacks, and one archived but not published", () => {
    const last = bundle.epochs.at(-1)!;
    const archived = bundle.epochs.slice(0, -1).map((epoch) => ({
      key: archiveKeys.epoch(electionId, epoch.statement.epoch),
      versions: [
        {
          versionId: "v1",
          document: { ...epoch, records: recordsOf(epoch) },
          lock: { mode: "COMPLIANCE", retainUntil: new Date(Date.now() + DAY_MS) },
        },
      ],
    }));
    const stray = { ...archived[0]!, key: archiveKeys.epoch(electionId, 999) };
    const report = compareWithArchive(bundle, [...archived, stray], new Date());
    expect(report.ok).toBe(false);
    expect(report.discrepancies.map((d) => d.code)).toEqual(["EPOCH_NOT_ARCHIVED", "EPOCH_NOT_IN_BUNDLE"]);
    expect(report.discrepancies[0]!.key).toBe(archiveKeys.epoch(electionId, last.statement.epoch));
  });
});
