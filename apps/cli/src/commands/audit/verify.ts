import { readFile } from "node:fs/promises";
import { Args, Errors, Flags } from "@oclif/core";
import { loadConfig } from "@landslide/config";
import { type AuditBundle, auditBundleSchema, type VerificationReport, verifyBundle } from "@landslide/vote-engine";
import { type ArchiveComparison, compareBundleWithArchive } from "../../lib/archive-comparison";
import { createBatchCryptoPool, nodeEntropy, verifyEd25519 } from "@landslide/vote-engine/node-crypto";
import { BaseCommand } from "../../lib/base-command";
import { EXIT, isUnreachable, publicClient, reachOrExplain } from "../../lib/public-client";
import { withSpinner } from "../../lib/spinner";

export default class AuditVerify extends BaseCommand {
  static override summary =
    "Recompute an election's audit from its published bundle: hash chain, epochs, signatures, ballots and result.";
  static override description =
    "Trusts nothing but the bundle: every record's hash and link, every epoch's Merkle root, signature and link, that each counted ballot is logged exactly once and opens its commitment, and the result with every instant-runoff round. With --archive it also reads the deployment's write-once archive (S3 with Object Lock) and checks that every published epoch was archived when sealed, identical, never overwritten and still locked. Exits 1 on any discrepancy and names the first.";
  static override examples = [
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --bundle landslide-audit.json --audit-key-id 4mDq0cT3yS1bV8xA --json",
    "<%= config.bin %> <%= command.id %> 7d1e9f0a-4c1b-4f5e-9a53-0c4f1d2b8e61 --archive",
  ];
  static override args = { id: Args.string({ description: "the election id", required: true }) };
  static override flags = {
    bundle: Flags.file({
      description: "verify this downloaded bundle instead of fetching the published one",
      exists: true,
    }),
    "audit-key-id": Flags.string({
      description: "the audit key id the deployment announced; fetched from its API when the bundle is",
    }),
    archive: Flags.boolean({
      description:
        "also compare the bundle with the epochs archived write-once in the deployment's audit bucket (LANDSLIDE_AUDIT_BUCKET; needs read access to it)",
      default: false,
    }),
  };

  async run(): Promise<
    VerificationReport & {
      electionId: string;
      auditKeyId: string;
      auditKeyPinned: boolean;
      archive?: ArchiveComparison;
    }
  > {
    const { args, flags } = await this.parse(AuditVerify);
    const { bundle, announcedKeyId } = flags.bundle
      ? { bundle: await this.readBundle(flags.bundle), announcedKeyId: undefined }
      : await this.download(args.id);
    // A bundle re-sealed with another key checks out against itself: pin the key the deployment announced.
    const expectedAuditKeyId = flags["audit-key-id"] ?? announcedKeyId;
    if (bundle.election.id !== args.id) {
      throw new Errors.CLIError(`The bundle is election ${bundle.election.id}'s, not ${args.id}'s.`, {
        exit: EXIT.usage,
      });
    }
    // The hashing and the signature checks (one per ballot's receipt) spread over every core.
    const pool = createBatchCryptoPool();
    const report = await withSpinner(
      `Verifying ${bundle.records.length} records, ${bundle.epochs.length} epochs, ${bundle.ballots.length} ballots`,
      () => verifyBundle({ sha256: nodeEntropy.sha256, verifyEd25519, expectedAuditKeyId, batch: pool }, bundle),
    ).finally(() => pool.close());
    if (!this.jsonEnabled()) {
      this.printReport(bundle, report);
      if (!expectedAuditKeyId) {
        this.log(
          `NOTE  The epochs are signed by audit key ${bundle.keys.audit.keyId}; compare it with the key the deployment publishes, or pass --audit-key-id.`,
        );
      }
    }
    if (!report.ok) process.exitCode = EXIT.failed;
    const archive = flags.archive ? await this.compareWithArchive(bundle) : undefined;
    if (archive && !archive.ok) process.exitCode = EXIT.failed;
    return {
      electionId: args.id,
      auditKeyId: bundle.keys.audit.keyId,
      auditKeyPinned: expectedAuditKeyId !== undefined,
      ...report,
      ...(archive ? { archive } : {}),
    };
  }

  private async compareWithArchive(bundle: AuditBundle): Promise<ArchiveComparison> {
    const config = loadConfig();
    const report = await withSpinner(`Reading the archived epochs from s3://${config.audit.bucket}`, () =>
      compareBundleWithArchive(config, bundle).catch((error: unknown) => {
        throw archiveUnreadable(error, config.audit.bucket, config.aws.s3Endpoint);
      }),
    );
    if (!this.jsonEnabled()) this.printArchiveReport(report);
    return report;
  }

  private printArchiveReport(report: ArchiveComparison): void {
    const { checked } = report;
    if (report.ok) {
      this.log(
        `PASS  archive s3://${report.bucket}: ${checked.epochs} epochs (${checked.records} records) archived as published, never overwritten, locked in COMPLIANCE mode until ${report.lockedUntil ?? "—"} at least.`,
      );
      return;
    }
    const [first, ...rest] = report.discrepancies;
    this.log(`FAIL  archive s3://${report.bucket}: ${first?.code}: ${first?.message}`);
    for (const d of rest.slice(0, 20)) this.log(`      ${d.code}: ${d.message}`);
    if (rest.length > 20) this.log(`      … and ${rest.length - 20} more (--json lists them all)`);
  }

  private printReport(bundle: AuditBundle, report: VerificationReport): void {
    const { checked } = report;
    const counted = `${checked.records} records, ${checked.epochs} signed epochs, ${checked.ballots} ballots, ${checked.counters} result counters`;
    if (report.ok) {
      this.log(`PASS  ${bundle.election.title}: ${counted} recomputed; everything matches.`);
      return;
    }
    const [first, ...rest] = report.discrepancies;
    this.log(`FAIL  ${bundle.election.title}: ${first?.code}: ${first?.message}`);
    for (const d of rest.slice(0, 20)) this.log(`      ${d.code}: ${d.message}`);
    if (rest.length > 20) this.log(`      … and ${rest.length - 20} more (--json lists them all)`);
  }

  private async readBundle(path: string): Promise<AuditBundle> {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path, "utf8"));
    } catch (error) {
      throw new Errors.CLIError(`${path} is not a JSON document: ${(error as Error).message}`, { exit: EXIT.usage });
    }
    const parsed = auditBundleSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Errors.CLIError(
        `${path} is not a Landslide audit bundle: at ${issue?.path.join(".") || "the top"}: ${issue?.message}`,
        { exit: EXIT.failed },
      );
    }
    return parsed.data;
  }

  private async download(electionId: string): Promise<{ bundle: AuditBundle; announcedKeyId: string }> {
    const { client, config } = publicClient();
    const [bundle, keys] = await withSpinner(`Fetching the published bundle from ${config.urls.results}`, () =>
      reachOrExplain("the results service", config.urls.results, () =>
        Promise.all([client.results.audit.bundle.query({ electionId }), client.results.audit.keys.query()]),
      ),
    );
    // Through the same schema as a file: the bundle is checked, never trusted.
    return { bundle: auditBundleSchema.parse(bundle), announcedKeyId: keys.audit.keyId };
  }
}

/** Why the archive could not be read, in one line that says what to change. */
function archiveUnreadable(error: unknown, bucket: string, endpoint: string | undefined): Error {
  if (isUnreachable(error))
    return new Errors.CLIError(
      `Cannot reach the audit archive at ${endpoint ?? "S3"}. Start the local stack with 'npm run dev' (or set LANDSLIDE_S3_ENDPOINT).`,
      { exit: EXIT.unreachable },
    );
  if ((error as Error).name === "NoSuchBucket")
    return new Errors.CLIError(
      `There is no audit bucket ${bucket} there: set LANDSLIDE_AUDIT_BUCKET to the deployment's.`,
      {
        exit: EXIT.usage,
      },
    );
  if ((error as Error).name === "AccessDenied")
    return new Errors.CLIError(
      `The audit bucket ${bucket} refuses these credentials: reading it needs s3:ListBucketVersions and s3:GetObjectVersion.`,
      {
        exit: EXIT.refused,
      },
    );
  return error as Error;
}
