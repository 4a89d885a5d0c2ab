import { beforeAll, describe, expect, it } from "vitest";
import { discrepancies, found } from "./bundle-discrepancies";
import { nodeEntropy, verifyEd25519 } from "../src/adapters/node-crypto";
import { type AuditBundle, auditBundleSchema, verifyBundle } from "../src/audit";
import { chainEntries, GENESIS_HASH, type LogEntry } from "../src/audit/log-record";
import type { CanonicalBallot } from "../src/ballot/validate-ballot";
import {
  type AuditBundleFixture,
  buildAuditBundle,
  countResult,
  sealEpochs,
} from "../src/testing/audit-bundle-fixture";

const sha256 = nodeEntropy.sha256;
const deps = { sha256, verifyEd25519 };

// 12 ballots after 2 officials' actions: records 1–2 are actions, 3–14 ballots; epochs of 5 records.
const BALLOTS = 12;
const ACTIONS = 2;
const EPOCH_RECORDS = 5;

let fixture: AuditBundleFixture;
/** The receipt ids of the logged ballots, in log order. */
let receipts: string[];
beforeAll(async () => {
  fixture = await buildAuditBundle({ ballots: BALLOTS, actions: ACTIONS, epochRecords: EPOCH_RECORDS, seed: 11 });
  receipts = fixture.bundle.records.flatMap((r) => (r.entry.type === "ballot" ? [r.entry.receiptId] : []));
});

const withdrawal = (receiptId: string, reasons = ["COORDINATED_GROUP"]): LogEntry => ({
  type: "withdrawal",
  receiptId,
  reasons,
});
const reinstatement = (receiptId: string): LogEntry => ({ type: "reinstatement", receiptId });
/** The seq of a logged ballot's record in the fixture's log (withdrawals are only ever appended after it). */
const ballotSeq = (receiptId: string) => ACTIONS + receipts.indexOf(receiptId) + 1;

/**
 * A bundle whose log is `entries`, chained from the genesis and sealed with the deployment's audit
 * key, publishing the fixture's ballots for `published` and a result recounted from `counted`
 * (by default the published ones): what an honest deployment publishes for that log.
 */
async function bundleOf(
  entries: readonly LogEntry[],
  { published, counted = published }: { published: readonly string[]; counted?: readonly string[] },
): Promise<AuditBundle> {
  const records = chainEntries(sha256, { electionId: fixture.election.id, seq: 0, hash: GENESIS_HASH }, entries);
  const ballotOf = (receiptId: string) => {
    const ballot = fixture.bundle.ballots.find((b) => b.receiptId === receiptId);
    if (!ballot) throw new Error(`no ballot ${receiptId}`);
    return ballot;
  };
  return {
    ...structuredClone(fixture.bundle),
    records,
    epochs: sealEpochs(records, fixture.signer, EPOCH_RECORDS),
    ballots: fixture.bundle.ballots.filter((b) => published.includes(b.receiptId)).map((b) => structuredClone(b)),
    result: await countResult(
      fixture.election,
      counted.map((r) => ballotOf(r).ballot as CanonicalBallot),
    ),
  };
}

/** The fixture's log, then `more`. */
const logThen = (...more: LogEntry[]): LogEntry[] => [...fixture.bundle.records.map((r) => r.entry), ...more];
const allBut = (receiptId: string) => receipts.filter((r) => r !== receiptId);

const turnout = (published: number, recounted: number) =>
  `RESULT_MISMATCH The published result says __turnout = ${published}; the ballots give ${recounted}.`;
async function withMessages(bundle: AuditBundle): Promise<string[]> {
  const report = await verifyBundle(deps, bundle);
  return report.discrepancies.map((d) => (d.code === "RESULT_MISMATCH" ? `${d.code} ${d.message}` : found([d])[0]!));
}

describe("verifyBundle and ballots withdrawn for review", () => {
  it("the fixture's log verifies as it is", async () => {
    expect(await discrepancies(await bundleOf(logThen(), { published: receipts }))).toEqual([]);
    expect(receipts).toHaveLength(BALLOTS);
  });

  it("a withdrawn ballot left unpublished: verifies, and the result leaves it out", async () => {
    const withdrawn = receipts[4]!;
    const bundle = await bundleOf(logThen(withdrawal(withdrawn)), { published: allBut(withdrawn) });
    const report = await verifyBundle(deps, bundle);
    expect(report.discrepancies).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.checked).toMatchObject({ records: ACTIONS + BALLOTS + 1, ballots: BALLOTS - 1 });
    expect(bundle.result.counters["__turnout"]).toBe(BALLOTS - 1);
    // The verifier itself leaves it out: a result still counting it does not match the ballots.
    const stillCounted = await bundleOf(logThen(withdrawal(withdrawn)), {
      published: allBut(withdrawn),
      counted: receipts,
    });
    expect(await withMessages(stillCounted)).toContain(turnout(BALLOTS, BALLOTS - 1));
    expect((await withMessages(stillCounted)).every((d) => d.startsWith("RESULT_MISMATCH"))).toBe(true);
  });

  it("a withdrawal in the middle of the log, ballots counted after it: verifies the same", async () => {
    const withdrawn = receipts[2]!;
    const entries = logThen();
    entries.splice(ballotSeq(withdrawn), 0, withdrawal(withdrawn, ["COORDINATED_GROUP", "SAME_NETWORK"]));
    expect(entries[ballotSeq(withdrawn) - 1]).toMatchObject({ type: "ballot", receiptId: withdrawn });
    const bundle = await bundleOf(entries, { published: allBut(withdrawn) });
    expect(await discrepancies(bundle)).toEqual([]);
  });

  it("a withdrawn ballot still published: BALLOT_WITHDRAWN naming it and the withdrawal, and it is not counted", async () => {
    const withdrawn = receipts[7]!;
    const withdrawalSeq = ACTIONS + BALLOTS + 1;
    const bundle = await bundleOf(logThen(withdrawal(withdrawn)), { published: receipts, counted: allBut(withdrawn) });
    expect(await discrepancies(bundle)).toEqual([`BALLOT_WITHDRAWN seq=${withdrawalSeq} receipt=${withdrawn}`]);
    // Published with a result that counts it as well: still not counted by the verifier.
    const counting = await bundleOf(logThen(withdrawal(withdrawn)), { published: receipts });
    const findings = await withMessages(counting);
    expect(findings[0]).toBe(`BALLOT_WITHDRAWN seq=${withdrawalSeq} receipt=${withdrawn}`);
    expect(findings).toContain(turnout(BALLOTS, BALLOTS - 1));
  });

  it("a ballot withdrawn, then reinstated and published: verifies, counted once", async () => {
    const back = receipts[5]!;
    const entries = logThen(withdrawal(back), reinstatement(back));
    const bundle = await bundleOf(entries, { published: receipts });
    const report = await verifyBundle(deps, bundle);
    expect(report.discrepancies).toEqual([]);
    expect(report.checked.ballots).toBe(BALLOTS);
    expect(bundle.result.counters["__turnout"]).toBe(BALLOTS);
    expect(bundle.result).toEqual(fixture.bundle.result);
    // Counted once: a result counting it twice, or not at all, is told apart.
    const twice = await bundleOf(entries, { published: receipts, counted: [...receipts, back] });
    expect(await withMessages(twice)).toContain(turnout(BALLOTS + 1, BALLOTS));
    const never = await bundleOf(entries, { published: receipts, counted: allBut(back) });
    expect(await withMessages(never)).toContain(turnout(BALLOTS - 1, BALLOTS));
    // And it survives the published schema.
    const parsed = auditBundleSchema.parse(JSON.parse(JSON.stringify(bundle)));
    expect(parsed).toEqual(bundle);
    expect(await discrepancies(parsed)).toEqual([]);
  });

  it("a ballot reinstated but not published: BALLOT_NOT_PUBLISHED naming its ballot record", async () => {
    const back = receipts[9]!;
    const bundle = await bundleOf(logThen(withdrawal(back), reinstatement(back)), { published: allBut(back) });
    expect(await discrepancies(bundle)).toEqual([`BALLOT_NOT_PUBLISHED seq=${ballotSeq(back)} receipt=${back}`]);
  });

  it("a withdrawal dropped from the sealed log, to count the ballot again: the signed epochs no longer match", async () => {
    const withdrawn = receipts[0]!;
    const honest = await bundleOf(logThen(withdrawal(withdrawn)), { published: allBut(withdrawn) });
    const dropped = {
      ...honest,
      records: honest.records.slice(0, -1),
      ballots: fixture.bundle.ballots,
      result: fixture.bundle.result,
    };
    const findings = await discrepancies(dropped);
    expect(findings).toContain(`EPOCH_ROOT_MISMATCH epoch=${honest.epochs.length}`);
    // A withdrawal appended after the last seal is not yet part of any signed epoch.
    const unsealed = { ...honest, epochs: fixture.bundle.epochs };
    expect(await discrepancies(unsealed)).toEqual([`RECORDS_UNSEALED seq=${ACTIONS + BALLOTS + 1}`]);
  });
});

describe("STANDING_OUT_OF_ORDER: a receipt's standing moves ballot → withdrawal → reinstatement", () => {
  it("a withdrawal of a receipt never logged", async () => {
    const stranger = "ab".repeat(16);
    const bundle = await bundleOf(logThen(withdrawal(stranger)), { published: receipts });
    expect(await discrepancies(bundle)).toEqual([
      `STANDING_OUT_OF_ORDER seq=${ACTIONS + BALLOTS + 1} receipt=${stranger}`,
    ]);
  });

  it("a withdrawal before the receipt's ballot is logged: out of order, and the ballot counts", async () => {
    const early = receipts[6]!;
    const entries = logThen();
    // Just before its own ballot record.
    entries.splice(ballotSeq(early) - 1, 0, withdrawal(early));
    const bundle = await bundleOf(entries, { published: receipts });
    expect(await discrepancies(bundle)).toEqual([`STANDING_OUT_OF_ORDER seq=${ballotSeq(early)} receipt=${early}`]);
  });

  it("a second withdrawal of the same receipt", async () => {
    const withdrawn = receipts[3]!;
    const bundle = await bundleOf(logThen(withdrawal(withdrawn), withdrawal(withdrawn, ["AGAIN"])), {
      published: allBut(withdrawn),
    });
    expect(await discrepancies(bundle)).toEqual([
      `STANDING_OUT_OF_ORDER seq=${ACTIONS + BALLOTS + 2} receipt=${withdrawn}`,
    ]);
  });

  it("a second withdrawal after a reinstatement (each standing change happens once)", async () => {
    const receipt = receipts[8]!;
    const bundle = await bundleOf(
      logThen(withdrawal(receipt), reinstatement(receipt), withdrawal(receipt, ["AGAIN"])),
      { published: allBut(receipt) },
    );
    expect(await discrepancies(bundle)).toContain(
      `STANDING_OUT_OF_ORDER seq=${ACTIONS + BALLOTS + 3} receipt=${receipt}`,
    );
  });

  it("a reinstatement without a withdrawal: out of order, and the ballot counts once", async () => {
    const receipt = receipts[1]!;
    const bundle = await bundleOf(logThen(reinstatement(receipt)), { published: receipts });
    expect(await discrepancies(bundle)).toEqual([
      `STANDING_OUT_OF_ORDER seq=${ACTIONS + BALLOTS + 1} receipt=${receipt}`,
    ]);
  });

  it("a reinstatement of a receipt never logged", async () => {
    const stranger = "cd".repeat(16);
    const bundle = await bundleOf(logThen(reinstatement(stranger)), { published: receipts });
    expect(await discrepancies(bundle)).toEqual([
      `STANDING_OUT_OF_ORDER seq=${ACTIONS + BALLOTS + 1} receipt=${stranger}`,
    ]);
  });

  it("a second reinstatement of the same receipt", async () => {
    const receipt = receipts[10]!;
    const bundle = await bundleOf(logThen(withdrawal(receipt), reinstatement(receipt), reinstatement(receipt)), {
      published: receipts,
    });
    expect(await discrepancies(bundle)).toEqual([
      `STANDING_OUT_OF_ORDER seq=${ACTIONS + BALLOTS + 3} receipt=${receipt}`,
    ]);
  });
});
