/**
 * What verifying an audit bundle costs beside the hashing it cannot avoid.
 *
 *   npm run bench:audit -w packages/vote-engine                  # 100,000 ballots
 *   AUDIT_BALLOTS=20000 npm run bench:audit -w packages/vote-engine
 *
 * Builds a real bundle and reads it back from JSON (not timed), then times in the same process:
 * (a) the floor: SHA-256 over the very bytes the verifier must hash once (every record's
 * recordBytes and every published ballot's commitment payload, built beforehand), on ONE thread;
 * (b) verifyBundle one item after another on the main thread; (c) verifyBundle with the
 * node-crypto worker pool (one worker per core), which spreads the hashing, the Merkle nodes and
 * every Ed25519 check (each epoch's and each ballot's receipt) over the cores. Both also rebuild
 * those bytes and recount the result. For scale, (d) Ed25519 checks of every signature in the
 * bundle on one thread: work a verifier cannot avoid either, and since receipt signatures were
 * logged, the bulk of it. Rounds alternate so that drift in the machine's speed hits all alike;
 * medians are reported, with the CPU time of every thread of the process beside the wall time.
 */
import { availableParallelism } from "node:os";
import { createBatchCryptoPool, nodeEntropy, verifyEd25519 } from "../src/adapters/node-crypto";
import { auditBundleSchema, type VerificationReport, type VerifyDependencies, verifyBundle } from "../src/audit";
import { epochSigningPayload } from "../src/audit/epoch";
import { recordBytes } from "../src/audit/log-record";
import { canonicalBallotJson } from "../src/ballot/canonical-json";
import { buildAuditBundle } from "../src/testing/audit-bundle-fixture";
import { commitmentPayload, receiptSigningPayload } from "../src/vote/receipt";

const BALLOTS = Number(process.env.AUDIT_BALLOTS ?? 100_000);
const EPOCH_RECORDS = 64;
const ROUNDS = Number(process.env.AUDIT_ROUNDS ?? 3);
const AIM = 3;
if (!Number.isInteger(BALLOTS) || BALLOTS < 1 || !Number.isInteger(ROUNDS) || ROUNDS < 1)
  throw new Error("AUDIT_BALLOTS and AUDIT_ROUNDS: whole numbers >= 1");

const started = performance.now();
const built = await buildAuditBundle({ ballots: BALLOTS, epochRecords: EPOCH_RECORDS });
// As a verifier gets it: a published JSON document, read back and checked against the schema.
const bundle = auditBundleSchema.parse(JSON.parse(JSON.stringify(built.bundle)));
const buildMs = performance.now() - started;
const pool = createBatchCryptoPool();
const sequential: VerifyDependencies = { sha256: nodeEntropy.sha256, verifyEd25519 };
const parallel: VerifyDependencies = { ...sequential, batch: pool };

// The floor's input, built outside the timing: exactly the bytes a verifier hashes once each.
const bytes = [
  ...bundle.records.map((r) => recordBytes(r)),
  ...bundle.ballots.map((b) => commitmentPayload(b.salt, canonicalBallotJson(b.ballot))),
];
const megabytes = bytes.reduce((n, b) => n + b.length, 0) / 1e6;
// Every signature a verifier checks, payloads built beforehand too.
const signatures = [
  ...bundle.epochs.map((e) => ({
    payload: epochSigningPayload(e.statement),
    signature: e.signature,
    pem: bundle.keys.audit.pem,
  })),
  ...bundle.records.flatMap(({ electionId, entry }) => {
    if (entry.type !== "ballot") return [];
    // Everything the entry carries of its receipt but the signature is what the signature covers.
    const { type: _, signature, ...signed } = entry;
    return [{ payload: receiptSigningPayload({ ...signed, electionId }), signature, pem: bundle.keys.receipt.pem }];
  }),
];

interface Timing {
  readonly wall: number;
  /** CPU time of all the process's threads, workers included. */
  readonly cpu: number;
}

async function timed(work: () => unknown): Promise<Timing> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await work();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function hashAll(): void {
  let sink = 0;
  for (const b of bytes) sink ^= nodeEntropy.sha256(b)[0]!;
  if (sink < 0) throw new Error("unreachable");
}

function verifyAllSignatures(): void {
  for (const s of signatures)
    if (!verifyEd25519(s.payload, s.signature, s.pem)) throw new Error("the fixture's signatures do not verify");
}

async function verifyWith(deps: VerifyDependencies): Promise<void> {
  const report: VerificationReport = await verifyBundle(deps, bundle);
  if (!report.ok) throw new Error(`the fixture does not verify: ${report.discrepancies[0]?.code}`);
}

const rows = {
  hash: [] as Timing[],
  sequential: [] as Timing[],
  parallel: [] as Timing[],
  signatures: [] as Timing[],
};
// One unmeasured pass starts the workers and warms every path.
await verifyWith(parallel);
for (let round = 0; round < ROUNDS; round++) {
  rows.hash.push(await timed(hashAll));
  rows.parallel.push(await timed(() => verifyWith(parallel)));
  rows.sequential.push(await timed(() => verifyWith(sequential)));
  rows.signatures.push(await timed(verifyAllSignatures));
}
await pool.close();

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const wall = (timings: readonly Timing[]) => median(timings.map((t) => t.wall));
const cpu = (timings: readonly Timing[]) => median(timings.map((t) => t.cpu));
const ms = (n: number) => `${Math.round(n).toLocaleString("en-US")} ms`;
const floor = wall(rows.hash);
const ratio = (timings: readonly Timing[]) => `${(wall(timings) / floor).toFixed(2)}×`;
const parallelRatio = wall(rows.parallel) / floor;
const table: Array<[string, string, string, string]> = [
  [
    "SHA-256 of the bytes, once, 1 thread (floor)",
    ms(floor),
    ms(cpu(rows.hash)),
    rows.hash.map((t) => ms(t.wall)).join(", "),
  ],
  [
    "Ed25519 of every signature, 1 thread (scale)",
    ms(wall(rows.signatures)),
    ms(cpu(rows.signatures)),
    `${ratio(rows.signatures)} the floor`,
  ],
  [
    "verifyBundle, sequential",
    ms(wall(rows.sequential)),
    ms(cpu(rows.sequential)),
    rows.sequential.map((t) => ms(t.wall)).join(", "),
  ],
  [
    `verifyBundle, pool of ${pool.size} workers`,
    ms(wall(rows.parallel)),
    ms(cpu(rows.parallel)),
    rows.parallel.map((t) => ms(t.wall)).join(", "),
  ],
  ["ratio sequential / floor", ratio(rows.sequential), "", "for comparison"],
  ["ratio pool / floor", ratio(rows.parallel), "", `aim < ${AIM}× ${parallelRatio < AIM ? "(met)" : "(NOT met)"}`],
];
const header: [string, string, string, string] = ["", "median", "CPU", `wall per round (${ROUNDS})`];
const widths = [0, 1, 2, 3].map((c) => Math.max(...[header, ...table].map((r) => r[c]!.length)));
const line = (cells: readonly string[]) =>
  `${cells[0]!.padEnd(widths[0]!)}  ${cells[1]!.padStart(widths[1]!)}  ${cells[2]!.padStart(widths[2]!)}  ${cells[3]!}`;

console.log(
  `audit bundle: ${BALLOTS.toLocaleString("en-US")} ballots, ${bundle.records.length.toLocaleString("en-US")} records, ${bundle.epochs.length.toLocaleString("en-US")} epochs of ${EPOCH_RECORDS}; ${bytes.length.toLocaleString("en-US")} byte strings, ${megabytes.toFixed(1)} MB, ${signatures.length.toLocaleString("en-US")} signatures (built in ${ms(buildMs)}, not timed)`,
);
console.log(line(header));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const row of table) console.log(line(row));
console.log(
  `NOTE  The floor is single-thread hashing; the pool runs on ${availableParallelism()} core(s) (os.availableParallelism()), so its ratio falls with more cores. ` +
    `CPU counts every thread of the process. With one Ed25519 check per ballot, the pool's ratio cannot drop below about (Ed25519 row ÷ cores) ÷ floor.`,
);
