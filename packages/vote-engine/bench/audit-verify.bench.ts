/**
 * What verifying an audit bundle costs beside the hashing it cannot avoid.
 *
 *   npm run bench:audit -w packages/vote-engine
 *
 * Builds a real 100,000-ballot bundle and reads it back from JSON (not timed), then times in the same process (a) the bare
 * floor: SHA-256 over the very bytes the verifier must hash once (every record's recordBytes and
 * every published ballot's commitment payload, built beforehand) and (b) verifyBundle over the
 * bundle, which also rebuilds those bytes, hashes every Merkle node, checks every epoch's
 * signature and recounts the result. Rounds alternate the two so that drift in the machine's
 * speed hits both alike; medians are reported.
 */
import { nodeEntropy, verifyEd25519 } from "../src/adapters/node-crypto";
import { auditBundleSchema, verifyBundle } from "../src/audit";
import { recordBytes } from "../src/audit/log-record";
import { canonicalBallotJson } from "../src/ballot/canonical-json";
import { buildAuditBundle } from "../src/testing/audit-bundle-fixture";
import { commitmentPayload } from "../src/vote/receipt";

const BALLOTS = 100_000;
const EPOCH_RECORDS = 64;
const ROUNDS = 3;
const AIM = 3;

const started = performance.now();
const built = await buildAuditBundle({ ballots: BALLOTS, epochRecords: EPOCH_RECORDS });
// As a verifier gets it: a published JSON document, read back and checked against the schema.
const bundle = auditBundleSchema.parse(JSON.parse(JSON.stringify(built.bundle)));
const buildMs = performance.now() - started;
const deps = { sha256: nodeEntropy.sha256, verifyEd25519 };

// The floor's input, built outside the timing: exactly the bytes a verifier hashes once each.
const bytes = [...bundle.records.map((r) => recordBytes(r)), ...bundle.ballots.map((b) => commitmentPayload(b.salt, canonicalBallotJson(b.ballot)))];
const megabytes = bytes.reduce((n, b) => n + b.length, 0) / 1e6;

function hashRound(): number {
  const t = performance.now();
  let sink = 0;
  for (const b of bytes) sink ^= nodeEntropy.sha256(b)[0]!;
  const ms = performance.now() - t;
  if (sink < 0) throw new Error("unreachable");
  return ms;
}

async function verifyRound(): Promise<number> {
  const t = performance.now();
  const report = await verifyBundle(deps, bundle);
  const ms = performance.now() - t;
  if (!report.ok) throw new Error(`the fixture does not verify: ${report.discrepancies[0]?.code}`);
  return ms;
}

const hash: number[] = [];
const verify: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  hash.push(hashRound());
  verify.push(await verifyRound());
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (n: number) => `${Math.round(n).toLocaleString("en-US")} ms`;
const ratio = median(verify) / median(hash);
const rows: Array<[string, string, string]> = [
  ["SHA-256 of the bytes, once (floor)", ms(median(hash)), hash.map(ms).join(", ")],
  ["verifyBundle", ms(median(verify)), verify.map(ms).join(", ")],
  ["ratio verify / hash", `${ratio.toFixed(2)}×`, `aim < ${AIM}× ${ratio < AIM ? "(met)" : "(NOT met)"}`],
];
const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length), ["", "median", "rounds"][c]!.length));
const line = (cells: readonly string[]) => `${cells[0]!.padEnd(widths[0]!)}  ${cells[1]!.padStart(widths[1]!)}  ${cells[2]!}`;

console.log(
  `audit bundle: ${BALLOTS.toLocaleString("en-US")} ballots, ${bundle.records.length.toLocaleString("en-US")} records, ${bundle.epochs.length.toLocaleString("en-US")} epochs of ${EPOCH_RECORDS}; ${bytes.length.toLocaleString("en-US")} byte strings, ${megabytes.toFixed(1)} MB (built in ${ms(buildMs)}, not timed)`,
);
console.log(line(["", "median", `rounds (${ROUNDS})`]));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const row of rows) console.log(line(row));
