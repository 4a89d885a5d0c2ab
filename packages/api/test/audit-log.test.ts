import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditBundleSchema,
  archiveKeys,
  checkReceiptInclusion,
  compareWithArchive,
  ELECTION_READ_MAX_AGE_MS,
  verifyBundle,
} from "@landslide/vote-engine";
import { nodeEntropy, verifyEd25519 } from "@landslide/vote-engine/node-crypto";
import { createS3Client, S3AuditArchive } from "@landslide/vote-engine/s3";
import { provisionTestStack, type TestStack } from "@landslide/vote-engine/testing";
import { type LandslideClientOptions, refusalOf } from "../src/client/index";
import { type Deployment, startDeployment } from "../src/testing/index";
import { signedInDemo } from "./demo-accounts";
import { waitFor } from "./wait-for";

let stack: TestStack;
let deployment: Deployment;

beforeAll(async () => {
  stack = await provisionTestStack({ demo: true });
  // Small, quick epochs, so that a handful of records spans several of them.
  deployment = await startDeployment(stack, {
    LANDSLIDE_AUDIT_EPOCH_RECORDS: "3",
    LANDSLIDE_AUDIT_EPOCH_SECONDS: "1",
  });
}, 120_000);
afterAll(async () => {
  await deployment?.stop();
  await stack?.stop();
});

const signedIn = (
  email: string,
  app: "voter-web" | "console" = "voter-web",
  extra: Partial<LandslideClientOptions> = {},
) => signedInDemo(stack, deployment, email, app, extra);

const verifyWith = { sha256: nodeEntropy.sha256, verifyEd25519 };

describe("the verifiable audit log, through the running services", () => {
  it("logs each counted ballot once, proves a receipt's inclusion, says why a voided ballot is not counted, and publishes a bundle that verifies", async () => {
    const official = await signedIn("official@demo.landslide.test", "console");
    const election = await official.control.official.elections.create.mutate({
      election: {
        title: "Lighthouse keepers' ballot",
        questions: [
          {
            id: "keeper",
            kind: "ranked",
            prompt: "Rank the keepers",
            options: [
              { id: "ada", label: "Ada" },
              { id: "bo", label: "Bo" },
              { id: "cy", label: "Cy" },
            ],
            minChoices: 1,
            maxChoices: 3,
          },
        ],
      },
      reason: "annual ballot",
    });
    await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "open",
      reason: "polls open",
    });
    await new Promise((resolve) => setTimeout(resolve, ELECTION_READ_MAX_AGE_MS)); // every task has seen the open by then

    const person = await signedIn("voter1@demo.landslide.test");
    const automated = { clientHints: () => ({ webdriver: true }) };
    const [held1, held2] = [
      await signedIn("voter2@demo.landslide.test", "voter-web", automated),
      await signedIn("voter3@demo.landslide.test", "voter-web", automated),
    ];
    // Like people, they take a moment with the ballot after the human check is solved.
    await Promise.all([person.prepareHumanCheck(), held1.prepareHumanCheck(), held2.prepareHumanCheck()]);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    const counted = await person.castBallot({
      electionId: election.id,
      ballot: { answers: { keeper: { choices: ["bo", "ada"] } } },
    });
    expect(counted.decision).toBe("accepted");
    const toVoid = await held1.castBallot({
      electionId: election.id,
      ballot: { answers: { keeper: { choices: ["cy"] } } },
    });
    const toRelease = await held2.castBallot({
      electionId: election.id,
      ballot: { answers: { keeper: { choices: ["ada"] } } },
    });
    expect([toVoid.decision, toRelease.decision]).toEqual(["quarantined", "quarantined"]);

    // The counted receipt: logged by the aggregator, sealed within a second or so, provable with public data only.
    const standing = await waitFor(async () => {
      const s = await person.results.audit.receipt.query({ receiptId: counted.receipt.receiptId });
      return s.status === "included" ? s : undefined;
    });
    const keys = await person.results.audit.keys.query();
    expect(await checkReceiptInclusion(verifyWith, counted.receipt, standing, keys.audit)).toBeNull();
    // The proof is checked, not trusted: a forged path or another receipt's record fails.
    const forgedPath = {
      ...standing,
      proof: {
        ...standing.proof,
        path: standing.proof.path.map((h) => h.replace(/^./, (c) => (c === "0" ? "1" : "0"))),
      },
    };
    if (standing.proof.path.length > 0)
      expect(await checkReceiptInclusion(verifyWith, counted.receipt, forgedPath, keys.audit)).toMatch(
        /inclusion proof/,
      );
    expect(
      await checkReceiptInclusion(
        verifyWith,
        { ...counted.receipt, receiptId: toVoid.receipt.receiptId },
        standing,
        keys.audit,
      ),
    ).toMatch(/not this receipt/);

    expect(await person.results.audit.receipt.query({ receiptId: toVoid.receipt.receiptId })).toEqual({
      status: "under-review",
    });
    const cases = await waitFor(async () => {
      const open = await official.control.official.fraud.list.query({ electionId: election.id, state: "quarantined" });
      return open.length === 2 ? open : undefined;
    });
    const caseOf = (receiptId: string) => cases.find((c) => c.receiptId === receiptId)!.voterKey;
    await official.control.official.fraud.void.mutate({
      electionId: election.id,
      voterKeys: [caseOf(toVoid.receipt.receiptId)],
      reason: "shares a device with a known bot",
    });
    await official.control.official.fraud.release.mutate({
      electionId: election.id,
      voterKeys: [caseOf(toRelease.receipt.receiptId)],
      reason: "voter confirmed in person",
    });
    const voided = await waitFor(async () => {
      const s = await person.results.audit.receipt.query({ receiptId: toVoid.receipt.receiptId });
      return s.status === "voided" ? s : undefined;
    });
    expect(voided).toMatchObject({ reason: "shares a device with a known bot" });
    // A refused second decision on it (it is no longer held) does not become its reason.
    const late = await official.control.official.fraud.release.mutate({
      electionId: election.id,
      voterKeys: [caseOf(toVoid.receipt.receiptId)],
      reason: "clicked release by mistake",
    });
    expect(late.changed).toBe(0);
    expect(await person.results.audit.receipt.query({ receiptId: toVoid.receipt.receiptId })).toMatchObject({
      status: "voided",
      reason: "shares a device with a known bot",
    });
    await waitFor(async () => {
      const s = await person.results.audit.receipt.query({ receiptId: toRelease.receipt.receiptId });
      return s.status === "included" ? s : undefined;
    });

    // No bundle while voting runs; once closed, the bundle verifies from its own bytes alone.
    expect(
      refusalOf(await person.results.audit.bundle.query({ electionId: election.id }).catch((e: unknown) => e))?.reason,
    ).toBe("RESULTS_NOT_FINAL");
    const closed = await official.control.official.elections.transition.mutate({
      electionId: election.id,
      to: "closed",
      reason: "polls closed",
    });
    // In effect at effectiveAt, and seen by every task's copy of the election soon after.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.max(0, Date.parse(closed.effectiveAt) + ELECTION_READ_MAX_AGE_MS - Date.now())),
    );
    const download = await fetch(`${deployment.urls.results}/v1/elections/${election.id}/audit-bundle.json`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-disposition")).toContain("attachment");
    const bundle = auditBundleSchema.parse(await download.json());
    const report = await verifyBundle(verifyWith, bundle);
    expect(report.discrepancies).toEqual([]);
    expect(bundle.ballots.map((b) => b.receiptId).sort()).toEqual(
      [counted.receipt.receiptId, toRelease.receipt.receiptId].sort(),
    );
    expect(bundle.result.counters.__turnout).toBe(2);
    expect(bundle.result.instantRunoff.keeper?.winner).toBe("ada");
    const actions = bundle.records.flatMap((r) => (r.entry.type === "action" ? [r.entry.action] : []));
    expect(actions).toEqual(
      expect.arrayContaining(["election.create", "election.transition", "fraud.void", "fraud.release"]),
    );
    expect(bundle.epochs.length).toBeGreaterThan(1);

    // Every sealed epoch is archived write-once on S3, locked, with the records it seals; the
    // first published bundle beside them.
    const { endpoint, bucket } = stack.target.localAuditBucket!;
    const s3 = createS3Client({ region: stack.target.region, endpoint });
    try {
      const archived = await new S3AuditArchive(s3, { bucket, retentionDays: 1 }).readEpochs(election.id);
      expect(archived.map((object) => object.key)).toEqual(
        bundle.epochs.map((e) => archiveKeys.epoch(election.id, e.statement.epoch)),
      );
      const comparison = compareWithArchive(bundle, archived, new Date());
      expect(comparison.discrepancies).toEqual([]);
      expect(comparison.checked.records).toBe(bundle.records.length);
      const kept = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: archiveKeys.bundle(election.id) }));
      expect(kept.ObjectLockMode).toBe("COMPLIANCE");
      const keptBundle = auditBundleSchema.parse(JSON.parse(await kept.Body!.transformToString()));
      expect(keptBundle.epochs).toEqual(bundle.epochs);
    } finally {
      s3.destroy();
    }
  });
});
