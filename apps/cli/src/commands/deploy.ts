import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { Errors, Flags } from "@oclif/core";
import { findAwsCredentials } from "../lib/infra/aws-credentials";
import { infraFolder } from "../lib/infra/infra-app";
import { InfraCommand } from "../lib/infra/infra-command";
import { EXIT } from "../lib/public-client";
import { withSpinner } from "../lib/spinner";

export default class Deploy extends InfraCommand {
  static override summary =
    "Deploy Landslide to AWS: synthesize every stack, show the diff, and deploy them in order with the CDK.";
  static override description = [
    "Synthesizes like 'election synth' (cdk-nag clean or nothing is deployed), then runs 'cdk deploy --all' on those templates, in dependency order, with CloudFormation's events as progress. The account must be bootstrapped once per region the stacks use (the primary, the replica and us-east-1 for the edge): npx cdk bootstrap aws://ACCOUNT/REGION.",
    "Without AWS credentials it says what is missing and exits 3; with --diff it still shows what would change against the templates synthesized before. docs/operations.md is the runbook.",
  ].join("\n\n");
  static override examples = [
    "<%= config.bin %> <%= command.id %> --env staging --diff",
    "AWS_PROFILE=landslide-prod <%= config.bin %> <%= command.id %> --env prod --image-tag 2026.11.30",
  ];
  static override flags = {
    "dry-run": Flags.boolean({ description: "synthesize, diff and check the credentials, but deploy nothing" }),
  };

  async run() {
    const { flags } = await this.parse(Deploy);
    const credentials = await withSpinner("Looking for AWS credentials", () => findAwsCredentials());
    if (!credentials && !flags.diff) throw missingCredentials();
    const { synthesis, changes } = await this.synthesize(flags);
    if (!credentials) throw missingCredentials(synthesis.outdir);
    const summary = {
      env: flags.env,
      outdir: synthesis.outdir,
      stacks: synthesis.stacks.map((s) => s.name),
      ...(changes ? { changes } : {}),
    };
    if (flags["dry-run"]) {
      this.log(`Credentials found (key ${credentials.accessKeyHint}); --dry-run: nothing deployed.`);
      return { ...summary, deployed: false };
    }
    const code = await cdkDeploy(infraFolder(this.config.root), synthesis.outdir);
    if (code !== 0)
      throw new Errors.CLIError(
        `cdk deploy failed (exit ${code}); CloudFormation's events above say which resource. Nothing half-done stays: CloudFormation rolls a failed stack back.`,
        { exit: EXIT.failed },
      );
    this.log(`Deployed ${synthesis.stacks.length} stacks of ${flags.env}.`);
    return { ...summary, deployed: true };
  }
}

function missingCredentials(outdir?: string): Errors.CLIError {
  const where = outdir ? ` The templates are in ${outdir}.` : " 'election synth' works without them.";
  return new Errors.CLIError(
    `No AWS credentials found: set AWS_PROFILE (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or run where a role provides them, then bootstrap the account once (npx cdk bootstrap).${where}`,
    { exit: EXIT.refused },
  );
}

/** `cdk deploy --all` on the synthesized assembly (the CDK CLI infra/ depends on); its progress goes to stderr, stdout stays ours. */
function cdkDeploy(infra: string, outdir: string): Promise<number | null> {
  const cdk = createRequire(resolve(infra, "package.json")).resolve("aws-cdk/bin/cdk");
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [cdk, "deploy", "--app", outdir, "--all", "--require-approval", "never", "--progress", "events"],
      { cwd: infra, stdio: ["ignore", process.stderr, process.stderr] },
    );
    child.once("close", done);
  });
}
