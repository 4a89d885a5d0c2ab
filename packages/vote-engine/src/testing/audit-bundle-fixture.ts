import { generateKeyMaterial, nodeEntropy, nodeKeys } from "../adapters/node-crypto/keys";
import type { AuditBundle, PublishedBallot } from "../audit/audit-bundle";
import { type SignedEpoch, sealEpoch } from "../audit/epoch";
import { chainEntries, GENESIS_HASH, type LogEntry, type LogRecord } from "../audit/log-record";
import { canonicalBallotJson } from "../ballot/canonical-json";
import { type CanonicalBallot, validateBallot } from "../ballot/validate-ballot";
import type { Election } from "../election/definition";
import { demoElection } from "../election/demo";
import { type BallotOrder, ballotOrderFor } from "../election/option-order";
import { scoreRangeOf } from "../election/score-range";
import type { Keys } from "../ports";
import { recount } from "../tally/recount";
import { commitmentPayload, receiptSigningText, toHex } from "../vote/receipt";
import type { StoredVote } from "../vote/stored-vote";

export interface AuditBundleOptions {
  /** Counted ballots, each logged once and published once. */
  readonly ballots: number;
  /** Records per sealed epoch; the last epoch takes the rest. Default 64. */
  readonly epochRecords?: number;
  /** Officials' action records at the head of the log (election.create, election.transition, …). Default 2. */
  readonly actions?: number;
  /** Seeds the ballots' choices, salts, receipt ids and times. Default 1. */
  readonly seed?: number;
  /** The deployment keys that sign the epochs; fresh ones by default (generated once per call). */
  readonly keys?: Keys;
  /**
   * The demo election as a test changes it (a counting method, a tie rule): its questions and
   * options stay the demo's, which the random ballots answer.
   */
  readonly election?: (demo: Election) => Election;
  /** The weight of the i-th ballot (0-based), as a weighted roll gives it; 1 for every ballot by default. */
  readonly weight?: (i: number) => number;
}

/** The signer of a bundle's epochs: the deployment's, or an attacker's own. */
export interface EpochSigner {
  readonly keyId: string;
  readonly pem: string;
  sign(payload: Uint8Array): string;
}

export interface AuditBundleFixture {
  readonly bundle: AuditBundle;
  /** The audit key that signed the epochs (an insider could re-seal with it; an attacker has none). */
  readonly signer: EpochSigner;
  readonly election: Election;
  readonly keys: Keys;
  /** Signs receipts as the vote API does (only the API holds this key). */
  signReceipt(receipt: {
    readonly receiptId: string;
    readonly castAt: string;
    readonly commitment: string;
    readonly weight?: number;
  }): {
    readonly keyId: string;
    readonly binding: string;
    readonly signature: string;
  };
}

const sha256 = nodeEntropy.sha256;
/** Election day in the fixture's world; every time in a bundle is this plus a fixed offset. */
const T0 = Date.parse("2026-11-20T08:00:00.000Z");
const SEALED_AT = new Date("2026-11-21T00:00:00.000Z");
const PUBLISHED_AT = "2026-11-21T12:00:00.000Z";

/**
 * Real audit bundles for tests and benchmarks, built with the production code: ballots validated
 * against the demo election (one single, one multi-select and one ranked question), commitments
 * opened by their salts, a hash-chained log (officials' actions first, then one record per
 * counted ballot), Merkle epochs signed with a fresh audit key, and the result recounted from
 * the ballots. Everything but the keys (and so the signatures) follows from `seed`.
 */
export async function buildAuditBundle(options: AuditBundleOptions): Promise<AuditBundleFixture> {
  const { ballots: count, epochRecords = 64, actions = 2, seed = 1 } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error("ballots: a whole number >= 0");
  if (!Number.isInteger(epochRecords) || epochRecords < 1) throw new Error("epochRecords: a whole number >= 1");
  const keys = options.keys ?? nodeKeys(generateKeyMaterial());
  const signer = auditSigner(keys);
  const signReceipt = (receipt: {
    readonly receiptId: string;
    readonly castAt: string;
    readonly commitment: string;
    readonly weight?: number;
    readonly optionOrder?: BallotOrder;
  }) => {
    const keyId = keys.receiptPublicKey.keyId;
    // The record a receipt is bound to is not in a bundle: any 64 hex digits stand for it here.
    const binding = toHex(sha256(new TextEncoder().encode(`fixture-record\n${receipt.receiptId}`)));
    return {
      keyId,
      binding,
      signature: keys.signReceipt(receiptSigningText({ ...receipt, electionId: election.id, keyId, binding })),
    };
  };
  const demo = demoElection({ now: () => new Date(T0 - 3600_000) });
  const election = options.election ? options.election(demo) : demo;
  const random = prng(seed);

  const entries: LogEntry[] = actionEntries(election, actions);
  const published: PublishedBallot[] = [];
  const counted: WeightedCanonicalBallot[] = [];
  const canonical = canonicalizer(election);
  for (let i = 0; i < count; i++) {
    const { ballot, json } = canonical(randomAnswers(random, election));
    const salt = randomHex(random, 16);
    const receiptId = randomHex(random, 16);
    const commitment = toHex(sha256(commitmentPayload(salt, json)));
    // About one ballot a second; a receipt's castAt is what the log and the receipt both carry.
    const castAt = new Date(T0 + i * 1000 + Math.floor(random() * 1000)).toISOString();
    const weight = options.weight?.(i) ?? 1;
    // An election that draws each voter's option order signs the order into every receipt.
    const optionOrder = ballotOrderFor(election, `fixture-voter-${i}`, sha256);
    const extra = { ...(weight === 1 ? {} : { weight }), ...(optionOrder ? { optionOrder } : {}) };
    const signed = signReceipt({ receiptId, commitment, castAt, ...extra });
    entries.push({ type: "ballot", receiptId, commitment, castAt, ...signed, ...extra });
    published.push({ receiptId, commitment, salt, ballot: ballot.map(([q, a]) => [q, copyAnswer(a)]) });
    counted.push({ ballot, weight });
  }
  const records = chainEntries(sha256, { electionId: election.id, seq: 0, hash: GENESIS_HASH }, entries);
  const epochs = sealEpochs(records, signer, epochRecords);
  // Published in receipt-id order, not in the order they were cast.
  published.sort((a, b) => (a.receiptId < b.receiptId ? -1 : a.receiptId > b.receiptId ? 1 : 0));

  const bundle: AuditBundle = {
    format: "landslide-audit-bundle-v5",
    publishedAt: PUBLISHED_AT,
    election: {
      id: election.id,
      title: election.title,
      questions: election.questions,
      ...(election.tieRule ? { tieRule: election.tieRule } : {}),
      ...(election.optionOrder ? { optionOrder: election.optionOrder } : {}),
    },
    keys: { audit: { ...keys.auditPublicKey }, receipt: { ...keys.receiptPublicKey } },
    records,
    epochs,
    ballots: published,
    result: await countResult(election, counted),
  };
  return { bundle, signer, election, keys, signReceipt };
}

/** An epoch signer from deployment keys (their audit key). */
export function auditSigner(keys: Keys): EpochSigner {
  return { keyId: keys.auditPublicKey.keyId, pem: keys.auditPublicKey.pem, sign: (payload) => keys.signAudit(payload) };
}

/** A key of the attacker's own, as a deployment would make one. */
export function attackerSigner(): EpochSigner {
  return auditSigner(nodeKeys(generateKeyMaterial()));
}

/**
 * What an attacker who can rewrite the log but holds no audit key does after editing it:
 * numbers the records 1, 2, 3, … again and recomputes every hash and link from the genesis.
 */
export function rechain(records: readonly Pick<LogRecord, "electionId" | "entry">[]): LogRecord[] {
  const first = records[0];
  if (!first) return [];
  return chainEntries(
    sha256,
    { electionId: first.electionId, seq: 0, hash: GENESIS_HASH },
    records.map((r) => r.entry),
  );
}

/** Seals the records into consecutive epochs of `epochRecords`, as the sealer does. */
export function sealEpochs(records: readonly LogRecord[], signer: EpochSigner, epochRecords = 64): SignedEpoch[] {
  const epochs: SignedEpoch[] = [];
  let previous = { epoch: 0, root: GENESIS_HASH };
  for (let from = 0; from < records.length; from += epochRecords) {
    const epoch = sealEpoch(
      { sha256, sign: (payload) => signer.sign(payload), keyId: signer.keyId },
      previous,
      records.slice(from, from + epochRecords),
      SEALED_AT,
    );
    epochs.push(epoch);
    previous = { epoch: epoch.statement.epoch, root: epoch.statement.root };
  }
  return epochs;
}

/**
 * The bundle with its records re-chained and every epoch re-sealed by `signer`. The published
 * audit key stays the deployment's unless `publishKey`, which models an attacker who can also
 * replace the key published beside the bundle.
 */
export function resignedBundle(
  bundle: AuditBundle,
  signer: EpochSigner,
  { epochRecords = 64, publishKey = false }: { epochRecords?: number; publishKey?: boolean } = {},
): AuditBundle {
  const records = rechain(bundle.records);
  return {
    ...bundle,
    keys: publishKey ? { ...bundle.keys, audit: { keyId: signer.keyId, pem: signer.pem } } : bundle.keys,
    records,
    epochs: sealEpochs(records, signer, epochRecords),
  };
}

/** The counters, instant-runoff rounds and every question's count of the given ballots, in the bundle's shape. */
export async function countResult(
  election: Election,
  ballots: readonly (CanonicalBallot | WeightedCanonicalBallot)[],
): Promise<AuditBundle["result"]> {
  const recounted = await recount(election, asVotes(election.id, ballots), { sha256 });
  const instantRunoff: AuditBundle["result"]["instantRunoff"] = {};
  for (const [questionId, irv] of Object.entries(recounted.instantRunoff)) {
    instantRunoff[questionId] = {
      rounds: irv.rounds.map((r) => ({ ...r, tallies: { ...r.tallies }, eliminated: [...r.eliminated] })),
      winner: irv.winner,
      abstentions: irv.abstentions,
    };
  }
  // A copy through JSON, as a published bundle is read back.
  const counts = JSON.parse(JSON.stringify(recounted.counts)) as NonNullable<AuditBundle["result"]["counts"]>;
  return { counters: Object.fromEntries(recounted.counters), instantRunoff, counts };
}

/** A ballot with the weight its receipt carries. */
interface WeightedCanonicalBallot {
  readonly ballot: CanonicalBallot;
  readonly weight: number;
}

function isWeighted(ballot: CanonicalBallot | WeightedCanonicalBallot): ballot is WeightedCanonicalBallot {
  return !Array.isArray(ballot);
}

async function* asVotes(
  electionId: string,
  ballots: readonly (CanonicalBallot | WeightedCanonicalBallot)[],
): AsyncIterable<StoredVote> {
  let n = 0;
  for (const given of ballots) {
    n += 1;
    const { ballot, weight } = isWeighted(given) ? given : { ballot: given, weight: 1 };
    const vote: Pick<StoredVote, "electionId" | "voterKey" | "state" | "ballot"> & { receipt: { weight: number } } = {
      electionId,
      voterKey: `voter-${n}`,
      state: "accepted",
      ballot,
      receipt: { weight },
    };
    yield vote as StoredVote;
  }
}

const ACTIONS: ReadonlyArray<
  (election: Election) => Omit<Extract<LogEntry, { type: "action" }>, "type" | "at" | "actor">
> = [
  (e) => ({
    action: "election.create",
    reason: "Demo election for the audit tests",
    details: { title: e.title, questions: e.questions.length },
  }),
  () => ({ action: "election.transition", reason: "Polls open", details: { from: "draft", to: "open" } }),
  () => ({ action: "election.update", reason: "Typo in a prompt", details: { fields: ["description"] } }),
  () => ({ action: "fraud.release", reason: "Reviewed: a shared household device", details: { voterKeys: [] } }),
];

function actionEntries(election: Election, count: number): LogEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    type: "action" as const,
    actor: "returning.officer@example.org",
    at: new Date(T0 - 3600_000 + i * 60_000).toISOString(),
    ...ACTIONS[i % ACTIONS.length]!(election),
  }));
}

type Answers = Record<string, { choices: string[] } | { scores: Record<string, number> } | { abstain: true }>;

const MASCOTS = ["heron", "otter", "fox"] as const;
const PARKS = ["riverside", "hilltop", "harbour", "oakwood"] as const;
const CANDIDATES = ["ada", "bruno", "chen", "dolores"] as const;
// First preferences: nobody near a majority, so the count goes to at least a second round.
const FIRST_PREFERENCE = [0.35, 0.3, 0.22, 0.13];

/**
 * A voter's ballot for the demo election: some abstain, multi-select takes one or two parks,
 * rankings are partial or full. A test that makes the chair a score question gets the ranking as
 * scores, the highest for the first preference and one less for each next.
 */
function randomAnswers(random: () => number, election: Election): Answers {
  const answers: Answers = {};
  answers["mascot"] = random() < 0.05 ? { abstain: true } : { choices: [pick(random, MASCOTS)] };
  if (random() < 0.05) answers["parks"] = { abstain: true };
  else {
    const first = pick(random, PARKS);
    const second = pick(random, PARKS);
    answers["parks"] = { choices: random() < 0.5 || first === second ? [first] : [second, first] };
  }
  if (random() < 0.04) answers["council-chair"] = { abstain: true };
  else {
    let r = random();
    let firstIndex = 0;
    while (firstIndex < FIRST_PREFERENCE.length - 1 && r >= FIRST_PREFERENCE[firstIndex]!)
      r -= FIRST_PREFERENCE[firstIndex++]!;
    const rest = CANDIDATES.filter((_, i) => i !== firstIndex);
    for (let i = rest.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rest[i], rest[j]] = [rest[j]!, rest[i]!];
    }
    const length = 1 + Math.floor(random() * CANDIDATES.length);
    const ranking = [CANDIDATES[firstIndex]!, ...rest].slice(0, length);
    const chair = election.questions.find((q) => q.id === "council-chair");
    const top = chair ? scoreRangeOf(chair).max : 0;
    answers["council-chair"] =
      chair?.kind === "score"
        ? { scores: Object.fromEntries(ranking.map((id, i) => [id, top - i])) }
        : { choices: ranking };
  }
  return answers;
}

/** validateBallot and canonicalBallotJson, memoized: the fixture draws from a few hundred distinct ballots. */
function canonicalizer(election: Election): (answers: Answers) => { ballot: CanonicalBallot; json: string } {
  const seen = new Map<string, { ballot: CanonicalBallot; json: string }>();
  return (answers) => {
    const key = JSON.stringify(answers);
    let canonical = seen.get(key);
    if (!canonical) {
      const result = validateBallot(election, { answers });
      if (!result.ok) throw new Error(`fixture ballot refused: ${result.error.code}`);
      canonical = { ballot: result.value, json: canonicalBallotJson(result.value) };
      seen.set(key, canonical);
    }
    return canonical;
  };
}

function copyAnswer(answer: CanonicalBallot[number][1]): PublishedBallot["ballot"][number][1] {
  if (answer === "abstain") return answer;
  if ("scores" in answer) return { scores: { ...answer.scores } };
  return "ranking" in answer ? { ranking: [...answer.ranking] } : { choices: [...answer.choices] };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function randomHex(random: () => number, length: number): string {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(random() * 256);
  return toHex(bytes);
}

/** mulberry32: small, fast and the same everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
